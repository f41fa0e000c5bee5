package io.parley.server.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Makes {@link EnvelopeErrorReportValve} Tomcat's only error page, replacing the one Spring Boot installs. */
@Configuration
class TomcatErrorsConfig implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (!(context.getParent() instanceof StandardHost host)) return;
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) host.getPipeline().removeValve(valve);
            }
            // Tomcat adds a valve of this class at start-up unless one is there already.
            host.setErrorReportValveClass(EnvelopeErrorReportValve.class.getName());
            host.getPipeline().addValve(new EnvelopeErrorReportValve());
        });
    }

    /** After Spring Boot's customizer, whose context customizer adds the valve this one removes. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
