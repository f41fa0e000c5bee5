package io.parley.server.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Addresses of the browser pages that the {@code console} module ships as static files: {@code /console/} (the
 * agent console) and {@code /widget/} (the customer widget) serve their {@code index.html}, the bare names and
 * {@code /} redirect there. Their security headers are set in {@code SecurityConfig}.
 */
@Configuration
public class ConsolePages implements WebMvcConfigurer {
    /** The path prefixes of the pages, for the security rules. */
    public static final String[] PATHS = {"/", "/console", "/console/**", "/widget", "/widget/**"};

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/console/");
        for (String page : new String[] {"console", "widget"}) {
            registry.addRedirectViewController("/" + page, "/" + page + "/");
            registry.addViewController("/" + page + "/").setViewName("forward:/" + page + "/index.html");
        }
    }
}
