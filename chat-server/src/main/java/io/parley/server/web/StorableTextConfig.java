package io.parley.server.web;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Text is checked once, where it enters over HTTP: every string of every JSON body (the API's ObjectMapper), and
 * every query parameter. Path segments Tomcat checks itself (see {@link EnvelopeErrorReportValve}).
 */
@Configuration
class StorableTextConfig {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer storableStrings() {
        return builder -> builder.deserializerByType(String.class, new StorableStringDeserializer());
    }

    @Bean
    FilterRegistrationBean<QueryTextFilter> queryTextFilter(ErrorWriter errors) {
        var registration = new FilterRegistrationBean<>(new QueryTextFilter(errors));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 21);
        return registration;
    }
}
