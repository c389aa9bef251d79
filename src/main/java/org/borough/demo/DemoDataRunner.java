// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.borough.cases.CasesProperties;
import org.borough.cases.SlaClock;
import org.borough.catalogue.CaseType;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.catalogue.Ward;
import org.borough.demo.CaseGenerator.Member;
import org.borough.demo.CaseGenerator.Staffing;
import org.borough.demo.CaseGenerator.TeamInfo;
import org.borough.demo.DemoCatalogue.ServiceSpec;
import org.borough.demo.DemoCatalogue.TeamSpec;
import org.borough.governance.BudgetActuals;
import org.borough.governance.BudgetLines;
import org.borough.governance.DecisionRegister;
import org.borough.governance.IctPortfolio;
import org.borough.identity.Role;
import org.borough.identity.Staff;
import org.borough.identity.StaffAdministration;
import org.borough.identity.StaffDirectory;
import org.borough.identity.Team;
import org.borough.identity.TeamId;
import org.borough.places.Gazetteer;
import org.borough.places.LoadReport;
import org.borough.places.WardBoundaries;
import org.borough.system.DatabaseProducts;
import org.borough.system.RandomTokens;
import org.borough.system.SystemProperties;
import org.borough.system.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills an empty Borough with demo data on start-up, after the admin account exists. It runs only
 * when {@code borough.demo-data} is true (the default; {@code BOROUGH_DEMO_DATA=false} starts
 * empty) and the service catalogue is still empty, so a restart never adds a second set.
 *
 * <p>Wards, teams, staff and services go through their modules' APIs; residents, cases, timelines
 * and contacts are written straight to the database in bulk inserts ({@link BulkInsert}), one chunk
 * of a few thousand residents or cases per transaction on a few connections at once, because a
 * million rows one service call at a time would take hours. Those bulk rows publish no events and
 * write no audit entries: they are made up, and derived stores such as the warehouse are rebuilt
 * from the tables. Nothing about the generated people is logged.
 *
 * <p>For a large data set, start once against an empty database with, for example, {@code
 * --borough.demo.residents=1000000 --borough.demo.cases=2000000}.
 */
@Component
@Order(100)
class DemoDataRunner implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoDataRunner.class);
  private static final int RESIDENTS_PER_CHUNK = 5_000;
  private static final int CASES_PER_CHUNK = 2_500;
  private static final int AGENTS = 6;
  private static final int CASEWORKERS_PER_TEAM = 2;

  private final boolean enabled;
  private final DemoProperties properties;
  private final ServiceCatalogue catalogue;
  private final StaffAdministration administration;
  private final StaffDirectory directory;
  private final DataSource dataSource;
  private final WorkingCalendar calendar;
  private final SystemProperties system;
  private final CasesProperties cases;
  private final DecisionRegister decisions;
  private final IctPortfolio portfolio;
  private final BudgetLines budget;
  private final BudgetActuals actuals;
  private final org.borough.enquiries.CouncillorEnquiries enquiries;
  private final JsonMapper json;
  private final Gazetteer gazetteer;
  private final WardBoundaries boundaries;
  private final Clock clock;

  DemoDataRunner(
      @Value("${borough.demo-data:true}") boolean enabled,
      DemoProperties properties,
      ServiceCatalogue catalogue,
      StaffAdministration administration,
      StaffDirectory directory,
      DataSource dataSource,
      WorkingCalendar calendar,
      SystemProperties system,
      CasesProperties cases,
      DecisionRegister decisions,
      IctPortfolio portfolio,
      BudgetLines budget,
      BudgetActuals actuals,
      org.borough.enquiries.CouncillorEnquiries enquiries,
      JsonMapper json,
      Gazetteer gazetteer,
      WardBoundaries boundaries,
      Clock clock) {
    this.enabled = enabled;
    this.properties = properties;
    this.catalogue = catalogue;
    this.administration = administration;
    this.directory = directory;
    this.dataSource = dataSource;
    this.calendar = calendar;
    this.system = system;
    this.cases = cases;
    this.decisions = decisions;
    this.portfolio = portfolio;
    this.budget = budget;
    this.actuals = actuals;
    this.enquiries = enquiries;
    this.json = json;
    this.gazetteer = gazetteer;
    this.boundaries = boundaries;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) throws SQLException {
    if (!enabled) {
      log.info("Demo data is off (borough.demo-data=false)");
      return;
    }
    if (!catalogue.services().isEmpty()) {
      log.debug("The service catalogue has services already: no demo data generated");
      return;
    }
    generate();
  }

  private void generate() throws SQLException {
    long started = System.nanoTime();
    long seed = properties.seed();
    Instant now = clock.instant();
    ZoneId zone = calendar.zone();
    Instant periodStart = now.atZone(zone).minusYears(properties.years()).toInstant();
    log.info(
        "Generating demo data: {} residents and {} cases over {} years (seed {})",
        properties.residents(),
        properties.cases(),
        properties.years(),
        seed);

    Places places = new Places(seed, Math.max(1_000L, properties.residents() * 4L / 5));
    for (Places.WardPlace w : places.wards) {
      if (catalogue.ward(w.gssCode()).isEmpty()) {
        catalogue.addWard(new Ward(w.gssCode(), w.name()));
      }
    }
    Acting.as(
        () -> boundaries.load(DemoWardBoundaries.geoJson(places), "demo borough"),
        "GAZETTEER_ADMIN");
    LoadReport addresses =
        Acting.as(
            () -> gazetteer.loadWhole(new DemoGazetteer(places), "demo borough"),
            "GAZETTEER_ADMIN");
    Staffing staffing = staff(seed);
    List<ServiceSpec> services = DemoCatalogue.services();
    for (ServiceSpec s : services) {
      if (catalogue.find(s.code()).isEmpty()) {
        catalogue.add(s.definition(new TeamId(staffing.teams().get(s.teamCode()).id())));
      }
    }

    UUID complaintsTeam = staffing.teams().get(DemoCatalogue.COMPLAINTS.code()).id();
    catalogue.add(DemoCatalogue.complaintService(new TeamId(complaintsTeam)));
    for (CaseType type : List.of(CaseType.FOI, CaseType.EIR)) {
      catalogue.add(DemoCatalogue.informationService(new TeamId(complaintsTeam), type));
    }
    catalogue.add(DemoEnquiries.service(team(DemoCatalogue.CONTACT_CENTRE).id()));

    int decisionCount = DemoDecisions.load(decisions, json);
    int budgetLines =
        DemoPortfolio.load(
            portfolio,
            budget,
            actuals,
            decisions,
            periodStart.atZone(zone).toLocalDate(),
            now.atZone(zone).toLocalDate(),
            seed);

    ResidentGenerator residents =
        new ResidentGenerator(seed, properties.residents(), places, periodStart, now, zone);
    boolean postgres = DatabaseProducts.isPostgres(dataSource);
    inChunks("residents", properties.residents(), RESIDENTS_PER_CHUNK, postgres, residents::write);

    long firstNumber = reserveReferences(properties.cases(), postgres);
    WorkingTime work =
        new WorkingTime(
            calendar,
            system.workingDayStart(),
            system.workingDayEnd(),
            LocalDate.ofInstant(periodStart, zone).minusDays(7),
            LocalDate.ofInstant(now, zone).plusYears(2));
    CaseGenerator generator =
        new CaseGenerator(
            seed,
            properties.cases(),
            firstNumber,
            cases.referencePrefix(),
            periodStart,
            now,
            zone,
            residents,
            places,
            services,
            staffing,
            new SlaClock(calendar),
            work);
    inChunks("cases", properties.cases(), CASES_PER_CHUNK, postgres, generator::write);
    long complaints = complaints(seed, now, complaintsTeam, postgres);
    long information = informationRequests(seed, now, periodStart, complaintsTeam, postgres);
    long satisfaction = satisfaction(seed, postgres);
    int enquiryCount =
        DemoEnquiries.load(
            enquiries,
            places.wards.stream().map(w -> new Ward(w.gssCode(), w.name())).toList(),
            staffing.supervisor(),
            seed);

    Duration took = Duration.ofNanos(System.nanoTime() - started);
    log.info(
        "Demo data ready: {} wards, {} services, {} decisions, {} budget lines, {} residents,"
            + " {} cases, {} complaints, {} requests for information, {} councillor enquiries,"
            + " {} satisfaction answers, {} addresses in the gazetteer in {} s",
        places.wards.size(),
        services.size(),
        decisionCount,
        budgetLines,
        properties.residents(),
        properties.cases(),
        complaints,
        information,
        enquiryCount,
        satisfaction,
        addresses.added(),
        took.toSeconds());
  }

  // --- staff ----------------------------------------------------------------------------------

  private Staffing staff(long seed) {
    String password = properties.staffPassword();
    boolean generated = password == null || password.isBlank();
    if (generated) {
      password = RandomTokens.urlSafe(18);
    }
    Random names = Seeds.random(seed, Seeds.STAFF, 0);
    List<String> lines = new ArrayList<>();
    AtomicInteger created = new AtomicInteger();

    Team contactCentre = team(DemoCatalogue.CONTACT_CENTRE);
    List<String> agents = new ArrayList<>();
    for (int i = 1; i <= AGENTS; i++) {
      Staff agent = person("agent" + i, names, password, Role.AGENT, created);
      join(contactCentre, agent);
      agents.add(agent.username());
    }
    lines.add(row("agent1 … agent" + AGENTS, "contact-centre agents"));
    Staff supervisor = person("supervisor", names, password, Role.SUPERVISOR, created);
    join(contactCentre, supervisor);

    Map<String, TeamInfo> teams = new LinkedHashMap<>();
    for (TeamSpec spec : DemoCatalogue.BACK_OFFICE) {
      Team team = team(spec);
      List<Member> members = new ArrayList<>();
      List<String> usernames = new ArrayList<>();
      for (int i = 1; i <= CASEWORKERS_PER_TEAM; i++) {
        Staff worker = person(spec.userPrefix() + i, names, password, Role.CASEWORKER, created);
        join(team, worker);
        members.add(new Member(worker.id().value(), worker.username(), worker.displayName()));
        usernames.add(worker.username());
      }
      join(team, supervisor);
      teams.put(spec.code(), new TeamInfo(team.id().value(), team.name(), List.copyOf(members)));
      lines.add(row(String.join(", ", usernames), "caseworkers, " + team.name()));
    }
    lines.add(row("supervisor", "supervisor, member of every team"));
    person("analyst", names, password, Role.ANALYST, created);
    lines.add(row("analyst", "analyst"));
    person("democratic", names, password, Role.DEMOCRATIC_SERVICES, created);
    lines.add(row("democratic", "democratic services officer"));
    person("finance", names, password, Role.FINANCE, created);
    lines.add(row("finance", "finance officer"));
    person("dpo", names, password, Role.DATA_PROTECTION_OFFICER, created);
    lines.add(row("dpo", "data protection officer"));
    Team complaintsTeam = team(DemoCatalogue.COMPLAINTS);
    Staff complaints = person("complaints", names, password, Role.COMPLAINTS_OFFICER, created);
    join(complaintsTeam, complaints);
    join(complaintsTeam, supervisor);
    teams.put(
        DemoCatalogue.COMPLAINTS.code(),
        new TeamInfo(complaintsTeam.id().value(), complaintsTeam.name(), List.of()));
    lines.add(row("complaints", "complaints officer"));
    for (int i = 1; i <= DemoEnquiries.COUNCILLORS; i++) {
      person("councillor" + i, names, password, Role.COUNCILLOR, created);
    }
    lines.add(
        row(
            "councillor1 … councillor" + DemoEnquiries.COUNCILLORS,
            "councillors, each for a share of the wards"));

    if (created.get() > 0) {
      // The console, not the log: a password must not end up in log storage.
      StringBuilder s = new StringBuilder("\n  Borough demo data: staff accounts");
      if (generated) {
        s.append(" with password ")
            .append(password)
            .append("\n  (shown once; set BOROUGH_DEMO_STAFF_PASSWORD to choose it)\n");
      } else {
        s.append(" with the password in BOROUGH_DEMO_STAFF_PASSWORD\n");
      }
      lines.forEach(l -> s.append("    ").append(l).append('\n'));
      System.out.println(s);
    }
    return new Staffing(Map.copyOf(teams), List.copyOf(agents), supervisor.username());
  }

  private Team team(TeamSpec spec) {
    return directory
        .findTeamByCode(spec.code())
        .orElseGet(() -> administration.createTeam(spec.code(), spec.name(), spec.email()));
  }

  /** A member of staff, created unless a previous, interrupted run made them already. */
  private Staff person(
      String username, Random names, String password, Role role, AtomicInteger created) {
    String displayName = People.forename(names) + " " + People.surname(names);
    return directory
        .findByUsername(username)
        .orElseGet(
            () -> {
              created.incrementAndGet();
              return administration.createStaff(username, displayName, password, EnumSet.of(role));
            });
  }

  private void join(Team team, Staff staff) {
    if (directory.membersOf(team.id()).stream().noneMatch(s -> s.id().equals(staff.id()))) {
      administration.addMember(team.id(), staff.id());
    }
  }

  private static String row(String who, String what) {
    return String.format(Locale.UK, "%-34s %s", who, what);
  }

  // --- bulk rows ------------------------------------------------------------------------------

  /** Writes one chunk of rows on the connection it is given, in one transaction. */
  @FunctionalInterface
  interface ChunkWriter {
    void write(long chunk, long from, long to, Connection connection) throws SQLException;
  }

  /**
   * Writes {@code total} rows in chunks on a few threads, each chunk its own transaction, showing
   * progress. Chunks are independent, so the data does not depend on which thread wrote what.
   */
  private void inChunks(
      String label, long total, int chunkSize, boolean postgres, ChunkWriter writer)
      throws SQLException {
    if (total == 0) {
      return;
    }
    int threads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    AtomicInteger names = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread t = new Thread(task, "demo-" + label + "-" + names.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    AtomicLong done = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    for (long from = 0, chunk = 0; from < total; from += chunkSize, chunk++) {
      long start = from;
      long end = Math.min(total, from + chunkSize);
      long number = chunk;
      pool.execute(
          () -> {
            if (failure.get() != null) {
              return;
            }
            try {
              writeChunk(writer, number, start, end, postgres);
              done.addAndGet(end - start);
            } catch (Throwable e) {
              failure.compareAndSet(null, e);
            }
          });
    }
    pool.shutdown();
    ProgressBar bar = new ProgressBar(label, total, System.out);
    try {
      while (!pool.awaitTermination(100, TimeUnit.MILLISECONDS)) {
        bar.show(done.get());
        if (failure.get() != null) {
          pool.shutdownNow();
        }
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while generating demo " + label, e);
    }
    Throwable failed = failure.get();
    if (failed != null) {
      System.out.println();
      if (failed instanceof SQLException sql) {
        throw sql;
      }
      throw new IllegalStateException("Could not generate demo " + label, failed);
    }
    bar.finish(done.get());
  }

  private void writeChunk(ChunkWriter writer, long chunk, long from, long to, boolean postgres)
      throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        if (postgres) {
          try (Statement s = connection.createStatement()) {
            // Made-up rows: losing the last few commits in a crash costs nothing.
            s.execute("set local synchronous_commit to off");
          }
        }
        writer.write(chunk, from, to, connection);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  /** Complaints about some of the resolved cases, in one transaction after them. */
  private long complaints(long seed, Instant now, UUID team, boolean postgres) throws SQLException {
    long count = DemoComplaints.countFor(properties.cases());
    long first = reserveReferences(count, postgres);
    DemoComplaints writer = new DemoComplaints(seed, calendar, now, cases.referencePrefix());
    long[] written = {0};
    writeChunk(
        (chunk, from, to, connection) ->
            written[0] = writer.write(connection, postgres, count, first, team),
        0,
        0,
        count,
        postgres);
    return written[0];
  }

  /** Satisfaction answers for a share of the resolved cases, in one transaction after them. */
  private long satisfaction(long seed, boolean postgres) throws SQLException {
    long[] written = {0};
    writeChunk(
        (chunk, from, to, connection) -> written[0] = DemoSatisfaction.write(connection, seed),
        0,
        0,
        1,
        postgres);
    return written[0];
  }

  /** FOI and EIR requests over the period, in one transaction after the cases. */
  private long informationRequests(
      long seed, Instant now, Instant from, UUID team, boolean postgres) throws SQLException {
    long count = DemoInformationRequests.countFor(properties.cases());
    long first = reserveReferences(count, postgres);
    DemoInformationRequests writer =
        new DemoInformationRequests(seed, calendar, now, cases.referencePrefix());
    long[] written = {0};
    writeChunk(
        (chunk, start, end, connection) ->
            written[0] = writer.write(connection, postgres, count, first, team, from),
        0,
        0,
        count,
        postgres);
    return written[0];
  }

  /**
   * Takes {@code count} case numbers from the reference sequence in one go and returns the first,
   * leaving the sequence past the last so cases raised later never collide with demo cases.
   */
  private long reserveReferences(long count, boolean postgres) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement s = connection.createStatement()) {
      long first;
      try (ResultSet rs = s.executeQuery("select nextval('case_reference_seq')")) {
        rs.next();
        first = rs.getLong(1);
      }
      if (count > 1) {
        long last = first + count - 1;
        if (postgres) {
          s.execute("select setval('case_reference_seq', " + last + ")");
        } else {
          s.execute("alter sequence case_reference_seq restart with " + (last + 1));
        }
      }
      return first;
    }
  }
}
