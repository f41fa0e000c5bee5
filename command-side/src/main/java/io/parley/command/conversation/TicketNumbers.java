package io.parley.command.conversation;

import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Year;

/** Hands out ticket numbers {@code TKT-<year>-<6 digits>} from one database sequence: unique and increasing. */
@Component
class TicketNumbers {
    private static final String SEQUENCE = "ticket_number_seq";

    private final DataFieldMaxValueIncrementer sequence;
    private final Clock clock;

    TicketNumbers(DataSource dataSource) throws Exception {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        this.sequence = product.toLowerCase().contains("postgres")
                ? new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE)
                : new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
        this.clock = Clock.systemUTC();
    }

    String next() {
        return format(Year.now(clock).getValue(), sequence.nextLongValue());
    }

    static String format(int year, long number) {
        return String.format("TKT-%d-%06d", year, number);
    }
}
