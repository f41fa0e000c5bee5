package io.parley.server.security;

import io.parley.realtime.server.SocketServer;
import io.parley.server.console.ConsolePages;
import io.parley.server.limits.ClientAddresses;
import io.parley.server.limits.RateLimitProperties;
import io.parley.server.limits.RateLimiter;
import io.parley.server.limits.RestRateLimitFilter;
import io.parley.server.web.ErrorWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Stateless bearer-token security: no sessions, CSRF, form login or basic auth. Register, login, guest start,
 * health and the API docs are public; {@code /api/admin/**} and the other actuator endpoints need an admin,
 * {@code /api/audit/**} and {@code /api/analytics/**} an auditor or an admin; auditors may not write to chats; everything else needs a valid
 * token. Finer rules (participants, staff) live in the endpoints. The browser pages ({@code /console/},
 * {@code /widget/}) have a chain of their own: anyone may read them, and they carry a strict
 * Content-Security-Policy (scripts only from this server, no inline script; calls only to this server and its
 * Socket.IO port, see {@link PagePolicyHeaderWriter}). {@code GET /api/config/client} is public too.
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain pageSecurity(HttpSecurity http, SecurityErrorHandlers handlers,
                                     ObjectProvider<SocketServer> sockets) throws Exception {
        return stateless(http, handlers)
                .securityMatcher(ConsolePages.PATHS)
                .headers(h -> h
                        .addHeaderWriter(new PagePolicyHeaderWriter(sockets))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, ConsolePages.PATHS).permitAll()
                        .anyRequest().denyAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http, TokenService tokens, SecurityErrorHandlers handlers,
                                    RateLimiter limiter, RateLimitProperties limits, ErrorWriter errors,
                                    ClientAddresses addresses, MetricsTokenProperties metrics)
            throws Exception {
        return stateless(http, handlers)
                .addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new MetricsScrapeFilter(metrics.metricsToken()), BearerTokenFilter.class)
                .addFilterAfter(new RestRateLimitFilter(limiter, limits, errors, addresses), MetricsScrapeFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/auth/register", "/api/auth/login", "/api/chats/guest")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/config/client").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        // The seed dialects check their caller themselves, to refuse in the seed's own error shape.
                        .requestMatchers("/compat/**").permitAll()
                        // The error page renders refusals of any request, including anonymous ones.
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.GET, MetricsScrapeFilter.PATH)
                        .hasAnyRole("ADMIN", MetricsScrapeFilter.ROLE)
                        .requestMatchers("/api/admin/**", "/actuator/**").hasRole("ADMIN")
                        // The audit trail (docs/audit.md) is for auditors and admins only.
                        .requestMatchers("/api/audit/**").hasAnyRole("AUDITOR", "ADMIN")
                        // Support analytics (docs/analytics.md) likewise.
                        .requestMatchers("/api/analytics/**").hasAnyRole("AUDITOR", "ADMIN")
                        // Auditors only read: every write on chats (send, read, assign, status, close) is refused.
                        .requestMatchers(HttpMethod.POST, "/api/chats", "/api/chats/**")
                        .hasAnyRole("USER", "GUEST", "AGENT", "ADMIN")
                        .anyRequest().authenticated())
                .build();
    }

    /**
     * What both chains share: no CSRF, form login, basic auth, logout or saved requests, no session, and refusals
     * answered with the error envelope.
     */
    private static HttpSecurity stateless(HttpSecurity http, SecurityErrorHandlers handlers) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers));
    }

    @Bean
    SecurityErrorHandlers securityErrorHandlers(ErrorWriter errors) {
        return new SecurityErrorHandlers(errors);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
