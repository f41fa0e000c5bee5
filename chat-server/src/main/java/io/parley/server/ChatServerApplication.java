package io.parley.server;

import io.parley.server.audit.OfflineVerification;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.List;

/** Parley's runnable assembly: command side, query side and realtime gateway in one process. */
@SpringBootApplication(scanBasePackages = "io.parley")
@ConfigurationPropertiesScan("io.parley")
@EnableScheduling
@EntityScan("io.parley")
@EnableJpaRepositories("io.parley")
public class ChatServerApplication {

    static {
        // A server must not phone home unasked: Axon's update checker stays off unless explicitly enabled.
        if (System.getProperty("axoniq.update-checker.disabled") == null
                && System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("verify")) {
            // The offline audit check (docs/audit.md): no Spring, no database, no server.
            System.exit(OfflineVerification.run(List.of(args).subList(1, args.length), System.out));
        }
        SpringApplication.run(ChatServerApplication.class, args);
    }
}
