package io.parley.server.security;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.nio.file.Path;

/**
 * Resolves the signing key while the context is still being defined, before Flyway or any other bean touches the
 * database: a server without a usable secret stops before it changes anything.
 */
@Configuration(proxyBeanMethods = false)
class JwtKeyConfig {

    @Bean
    static BeanFactoryPostProcessor jwtSigningKeyResolver(Environment environment) {
        return beanFactory -> {
            TokenProperties properties = Binder.get(environment).bindOrCreate("chat", TokenProperties.class);
            JwtSigningKey key = new JwtSigningKey(JwtSecretResolver.resolve(properties.jwtSecret(),
                    environment.getProperty("spring.datasource.url"), Path.of(properties.dataDir())));
            beanFactory.registerSingleton("jwtSigningKey", key);
        };
    }
}
