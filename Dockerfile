# Festival ledger: build the jar with Maven, run it on a JRE as a non-root user.
#
#   docker build -t festival-ledger .
#   docker run -p 8080:8080 festival-ledger --ledger.demo.enabled=true        # a demo: public demo passwords
#
# For real use the image has no password of its own and refuses to start until every account has one.
# Give them as files named after the variables, in /run/secrets (Docker or Kubernetes secrets):
#   docker run -p 8080:8080 -v "$PWD/secrets:/run/secrets:ro" \
#       -e MONGODB_URI=mongodb://host:27017/?replicaSet=rs0 festival-ledger
# with secrets/LEDGER_ORGANISER_PASSWORD and secrets/LEDGER_AUDITOR_PASSWORD (or -e each variable).
#
# Arguments after the image name are Spring command-line arguments (--server.port, --ledger.*).

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src

# Poms first: the dependency layer is rebuilt only when a pom changes, not on every source edit.
# Every module the root pom lists needs its pom here, even one the image does not build (bench).
COPY pom.xml ./
COPY ledger/pom.xml ledger/
COPY domain/pom.xml domain/
COPY projections/pom.xml projections/
COPY api/pom.xml api/
COPY bench/pom.xml bench/
RUN mvn -B -q -pl api -am dependency:go-offline -DexcludeGroupIds=org.festivalledger

COPY ledger/src ledger/src
COPY domain/src domain/src
COPY projections/src projections/src
COPY api/src api/src
# Only the application and the modules it depends on.
RUN mvn -B -q -pl api -am package -DskipTests


FROM eclipse-temurin:17-jre

# The jury report PDF embeds this TrueType font for Chinese (ledger.audit.report-font).
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends fonts-wqy-microhei \
 && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 10001 ledger \
 && useradd --system --uid 10001 --gid ledger --home-dir /app --no-create-home --shell /usr/sbin/nologin ledger \
 && mkdir -p /app/data \
 && chown ledger:ledger /app/data

WORKDIR /app
COPY --from=build /src/api/target/festival-ledger.jar /app/festival-ledger.jar

USER ledger
EXPOSE 8080

# Passwords (and any other property) may come as files in /run/secrets, named like the variable they set.
ENV SPRING_CONFIG_IMPORT=optional:configtree:/run/secrets/

# GET /api/audit/head is public and answers 200 once the application is up (curl ships in this image).
# It probes port 8080: keep the container's port at 8080 and remap it on the host instead.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS -o /dev/null http://localhost:8080/api/audit/head || exit 1

ENTRYPOINT ["java", "-jar", "/app/festival-ledger.jar"]
