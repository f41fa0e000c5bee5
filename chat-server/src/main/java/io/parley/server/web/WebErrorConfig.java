package io.parley.server.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers the JSON body limit ahead of security, so oversized bodies are refused before anything parses them. */
@Configuration
class WebErrorConfig {

    @Bean
    FilterRegistrationBean<JsonBodyLimitFilter> jsonBodyLimitFilter(JsonLimitProperties limits, ErrorWriter errors) {
        var registration = new FilterRegistrationBean<>(new JsonBodyLimitFilter(limits.maxJsonBytes(), errors));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
