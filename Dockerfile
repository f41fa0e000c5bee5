# syntax=docker/dockerfile:1
# A Parley node: built with the Maven wrapper, run on a JRE 17. docker-compose.yml builds it for node1 and node2.
#   docker build -t parley .                                       without Axon Server's connector
#   docker build --build-arg MAVEN_PROFILES=axonserver -t parley .  with it (off until AXON_AXONSERVER_ENABLED=true)

FROM eclipse-temurin:17-jdk AS build
RUN apt-get update && apt-get install -y --no-install-recommends curl unzip && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
ARG MAVEN_PROFILES=
# The Maven repository is a build cache, so that a source change does not download every dependency again.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -DskipTests ${MAVEN_PROFILES:+-P${MAVEN_PROFILES}} package

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app parley \
    && mkdir -p /data && chown parley /data
WORKDIR /app
COPY --from=build /src/chat-server/target/chat-server.jar /app/chat-server.jar
USER parley
# Media and (embedded mode only) the H2 database live here; with PostgreSQL mount a volume shared by all nodes.
ENV CHAT_DATA_DIR=/data
EXPOSE 8080 9092
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${CHAT_HTTP_PORT:-8080}/actuator/health" > /dev/null || exit 1
# exec form: java is PID 1 and gets SIGTERM, so a stopping node releases its segment claims at once.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/chat-server.jar"]
