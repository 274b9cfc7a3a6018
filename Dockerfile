# Build stage: the Maven Wrapper builds the WAR and fetches the Payara Micro jar from Maven Central.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY src src
COPY webapp webapp
COPY server-config server-config
RUN ./mvnw -B -DskipTests -Dskip.npm=true package

# Run stage: a JDK 17 image running Payara Micro through the launcher, which checks the settings,
# makes the API key on first start (printed once, kept in /data/.env) and keeps phone-home off.
FROM eclipse-temurin:17-jdk
WORKDIR /app
COPY --from=build /src/target/status-tracker.war /app/status-tracker.war
COPY --from=build /src/target/payara-micro-*.jar /app/payara-micro.jar
COPY --from=build /src/target/status-tracker/WEB-INF/classes /app/launcher/classes
COPY --from=build /src/target/status-tracker/WEB-INF/lib /app/launcher/lib
COPY server-config /app/server-config
ENV DATA_DIR=/data \
    ENV_FILE=/data/.env \
    PORT=3000
VOLUME /data
EXPOSE 3000
ENTRYPOINT ["java", "-cp", "/app/launcher/classes:/app/launcher/lib/*", \
            "-Dst.war=/app/status-tracker.war", "-Dst.payaraJar=/app/payara-micro.jar", \
            "app.statustracker.launch.Launcher"]
