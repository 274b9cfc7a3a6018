# Build stage: the Maven Wrapper builds the WAR and fetches the Payara Micro jar from Maven Central. Only the
# main sources are copied, and the goals stop short of the test phase: `package` would resolve (download) the
# test-scoped libraries for the test plugins even when they skip, so the WAR is made by compile + war:war.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY src/main src/main
COPY webapp webapp
COPY server-config server-config
RUN ./mvnw -B -Dskip.npm=true compile war:war dependency:copy@copy-payara-micro

# Run stage: a JRE, one unprivileged user, one JVM. The entry point runs the launcher (settings check, API key
# printed once on first start and kept in /data/.env), which then hands over to Payara Micro by exec.
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 statustracker \
 && useradd --system --uid 10001 --gid statustracker --home-dir /app --no-create-home statustracker \
 && mkdir -p /data \
 && chown statustracker:statustracker /data
WORKDIR /app
COPY --from=build /src/target/status-tracker.war /app/status-tracker.war
COPY --from=build /src/target/payara-micro-*.jar /app/payara-micro.jar
COPY --from=build /src/target/status-tracker/WEB-INF/classes /app/launcher/classes
COPY --from=build /src/target/status-tracker/WEB-INF/lib /app/launcher/lib
COPY server-config /app/server-config
ENV APP_DIR=/app \
    DATA_DIR=/data \
    ENV_FILE=/data/.env \
    PORT=3000
USER statustracker
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=10s --start-period=120s --retries=3 \
  CMD ["/app/server-config/container/healthcheck.sh"]
ENTRYPOINT ["/app/server-config/container/entrypoint.sh"]
