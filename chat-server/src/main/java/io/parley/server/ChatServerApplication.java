package io.parley.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.scheduling.annotation.EnableScheduling;

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
        SpringApplication.run(ChatServerApplication.class, args);
    }
}
