package io.parley.server.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers the checks of a request's body ahead of security: a wildcard content type, an oversized body and a
 * write that could not be answered in JSON are refused before anything parses or runs them.
 */
@Configuration
class WebErrorConfig {

    @Bean
    FilterRegistrationBean<JsonBodyLimitFilter> jsonBodyLimitFilter(JsonLimitProperties limits, ErrorWriter errors) {
        var registration = new FilterRegistrationBean<>(new JsonBodyLimitFilter(limits.maxJsonBytes(), errors));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<JsonAcceptFilter> jsonAcceptFilter(ErrorWriter errors) {
        var registration = new FilterRegistrationBean<>(new JsonAcceptFilter(errors));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 18);
        return registration;
    }

    @Bean
    FilterRegistrationBean<WildcardContentTypeFilter> wildcardContentTypeFilter(ErrorWriter errors) {
        var registration = new FilterRegistrationBean<>(new WildcardContentTypeFilter(errors));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 19);
        return registration;
    }
}
