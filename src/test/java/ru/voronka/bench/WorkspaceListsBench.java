package ru.voronka.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.voronka.deals.Viewer;
import ru.voronka.deals.process.DealTasks;
import ru.voronka.directory.Group;
import ru.voronka.directory.Staff;
import ru.voronka.directory.Staff.NewEmployee;
import ru.voronka.support.PostgresIT;
import ru.voronka.support.WebSession;

/**
 * Issue 15, item 12: the workspace's lists at 100 000 deals and 100 000 open tasks on PostgreSQL —
 * the desktop, the board, a search and «Мои задачи» (the task query behind {@code /api/tasks}, which
 * the task pages use) — each page timed through HTTP as a signed-in user sees it, p50/p95/max over
 * {@code bench.samples} requests after a warm-up, then the plan of each page's main query
 * (EXPLAIN ANALYZE). Run with {@code mvn -Pbench verify -Dit.test=WorkspaceListsBench}; bench/README.md.
 */
class WorkspaceListsBench extends PostgresIT {

  static final String PASSWORD = "bench1";
  static final int MANAGERS = 10;

  @Autowired JdbcTemplate jdbc;
  @Autowired Staff staff;
  @Autowired DealTasks dealTasks;
  @Autowired ru.voronka.deals.DealSearchText searchText;
  @Autowired ru.voronka.deals.DealTally tally;
  @LocalServerPort int port;

  @Value("${bench.deals:100000}")
  int deals;

  @Value("${bench.tasks:100000}")
  int tasks;

  @Value("${bench.samples:200}")
  int samples;

  @Test
  void desktopBoardSearchAndTasksAtScale() throws Exception {
    long started = System.currentTimeMillis();
    List<Long> managerIds = new ArrayList<>();
    for (int i = 0; i < MANAGERS; i++) {
      staff.hire(new NewEmployee("bm" + i, PASSWORD, "Менеджер" + i, "Бенчев", "Менеджер по продажам", "Отдел продаж",
          List.of(Group.MANAGERS), null, null, null, null));
      managerIds.add(jdbc.queryForObject("select id from employee where user_id = ?", Long.class, "bm" + i));
    }
    staff.hire(new NewEmployee("brop", PASSWORD, "Руководитель", "Бенчева", "Руководитель отдела продаж", "Отдел продаж",
        List.of(Group.HEAD_OF_SALES), null, null, null, null));
    fill(managerIds);
    System.out.printf(Locale.ROOT, "Setup: %d deals, %d open tasks, %d managers in %.1f s%n",
        jdbc.queryForObject("select count(*) from deal", Long.class), jdbc.queryForObject("select count(*) from ACT_RU_TASK", Long.class),
        MANAGERS, (System.currentTimeMillis() - started) / 1000.0);

    String base = "http://localhost:" + port;
    WebSession manager = WebSession.login(base, "bm3", PASSWORD);
    WebSession rop = WebSession.login(base, "brop", PASSWORD);
    HttpClient http = HttpClient.newHttpClient();
    Map<String, Callable<Integer>> pages = new LinkedHashMap<>();
    pages.put("Рабочий стол, менеджер (GET /)", () -> manager.get("/").statusCode());
    pages.put("Рабочий стол, РОП (GET /)", () -> rop.get("/").statusCode());
    pages.put("Канбан, менеджер (GET /deals/board)", () -> manager.get("/deals/board").statusCode());
    pages.put("Канбан, РОП (GET /deals/board)", () -> rop.get("/deals/board").statusCode());
    pages.put("Поиск, менеджер (GET /?q=насос)", () -> manager.get("/?q=%D0%BD%D0%B0%D1%81%D0%BE%D1%81").statusCode());
    pages.put("Поиск, РОП (GET /?q=Компания 4711)", () -> rop.get("/?q=%D0%9A%D0%BE%D0%BC%D0%BF%D0%B0%D0%BD%D0%B8%D1%8F%204711")
        .statusCode());
    pages.put("Поиск, РОП (GET /?q=компания: every deal's client)", () -> rop.get("/?q=%D0%BA%D0%BE%D0%BC%D0%BF%D0%B0%D0%BD%D0%B8%D1%8F")
        .statusCode());
    pages.put("Поиск, менеджер (GET /?q=8 916 000-47-11: a phone)", () -> manager.get("/?q=8%20916%20000-47-11").statusCode());
    pages.put("Мои задачи, менеджер (GET /tasks)", () -> manager.get("/tasks").statusCode());
    WebSession busy = WebSession.login(base, "bm2", PASSWORD); // 10 000 tasks of their own besides the group's
    pages.put("Мои задачи, менеджер с 10 000 своих (GET /tasks)", () -> busy.get("/tasks").statusCode());
    pages.put("Мои задачи, РОП (GET /tasks)", () -> rop.get("/tasks").statusCode());
    pages.put("Число задач в меню, менеджер (GET /tasks/count)", () -> manager.get("/tasks/count", "*/*").statusCode());
    pages.put("Мои задачи, менеджер (GET /api/tasks)", () -> basic(http, base + "/api/tasks", "bm3"));
    pages.put("Мои задачи, РОП (GET /api/tasks)", () -> basic(http, base + "/api/tasks", "brop"));
    Viewer bm3 = Viewer.of("bm3", List.of(Group.MANAGERS.id()));
    pages.put("Мои задачи, менеджер — запрос к движку (DealTasks.mine)", () -> {
      dealTasks.mine(bm3, PageRequest.of(0, 20));
      return 200;
    });

    System.out.println();
    System.out.printf(Locale.ROOT, "%-62s %8s %8s %8s%n", "Страница", "p50, мс", "p95, мс", "max, мс");
    Map<String, double[]> figures = new LinkedHashMap<>();
    for (var page : pages.entrySet()) {
      double[] f = time(page.getValue());
      figures.put(page.getKey(), f);
      System.out.printf(Locale.ROOT, "%-62s %8.1f %8.1f %8.1f%s%n", page.getKey(), f[0], f[1], f[2], f[1] < 100 ? "" : "  > 100 мс");
    }

    long bm3Id = managerIds.get(3);
    explain("Рабочий стол, менеджер: страница", """
        select d.* from deal d left join employee r on r.id = d.responsible_id left join counterparty c on c.id = d.counterparty_id
        where (d.responsible_id is null or d.responsible_id = (select v.id from employee v where v.user_id = 'bm3'))
        order by d.updated_at desc, d.id desc limit 20""");
    explain("Рабочий стол, менеджер: число сделок", """
        select count(d.id) from deal d left join employee r on r.id = d.responsible_id
        where (d.responsible_id is null or d.responsible_id = (select v.id from employee v where v.user_id = 'bm3'))""");
    explain("Рабочий стол, РОП: страница", """
        select d.* from deal d left join employee r on r.id = d.responsible_id left join counterparty c on c.id = d.counterparty_id
        order by d.updated_at desc, d.id desc limit 20""");
    explain("Канбан, РОП: число и сумма по стадиям (deal_tally)", """
        select stage, sum(deals), sum(amount) from deal_tally where funnel = 'SALES' group by stage""");
    explain("Канбан, менеджер: число и сумма по стадиям (deal_tally)", """
        select stage, sum(deals), sum(amount) from deal_tally where funnel = 'SALES'
          and responsible_id in (0, (select e.id from employee e where e.user_id = 'bm3')) group by stage""");
    explain("Канбан, РОП: число и сумма по стадиям, если считать сделки (как до deal_tally)", """
        select d.stage, count(d.id), sum(d.amount) from deal d where d.funnel = 'SALES' group by d.stage""");
    explain("Канбан, менеджер: карточки стадии «КП»", """
        select d.* from deal d left join employee r on r.id = d.responsible_id left join counterparty c on c.id = d.counterparty_id
        where d.funnel = 'SALES' and (d.responsible_id is null or d.responsible_id = (select e.id from employee e where e.user_id = 'bm3'))
          and d.stage = 'KP' order by d.updated_at desc, d.id desc limit 30""");
    String visible = "(d.responsible_id is null or d.responsible_id = (select v.id from employee v where v.user_id = 'bm3'))";
    String page = " order by d.updated_at desc, d.id desc limit 20";
    explain("Поиск, РОП: «Компания 4711»", "select d.* from deal d left join employee r on r.id = d.responsible_id"
        + " left join counterparty c on c.id = d.counterparty_id where " + match("компания 4711", "") + page);
    explain("Поиск, менеджер: «насос» (каждая пятая сделка)", "select d.* from deal d left join employee r on r.id = d.responsible_id"
        + " where " + visible + " and " + match("насос", "") + page);
    explainReadingIndexes("Поиск, менеджер: «насос», число до 1 001", "select d.id from deal d where " + visible + " and " + match("насос", "")
        + " limit 1001");
    explain("Поиск, РОП: «компания» (у каждой сделки), страница", "select d.* from deal d where " + match("компания", "") + page);
    explainReadingIndexes("Поиск, РОП: «компания», число до 1 001", "select d.id from deal d where " + match("компания", "") + " limit 1001");
    explain("Поиск, менеджер: телефон 8 916 000-47-11", "select d.* from deal d where " + visible + " and "
        + match("8 916 000-47-11", "79160004711") + page);
    explain("Мои задачи, менеджер: страница (запрос Camunda: назначенные мне или моей группе)", """
        select distinct RES.* from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
        where (RES.ASSIGNEE_ = 'bm3' or (I.TYPE_ = 'candidate' and I.GROUP_ID_ in ('managers')))
        order by RES.CREATE_TIME_ desc limit 20""");
    explain("Мои задачи (страница /tasks), менеджер: предложенные мне или моей группе и не взятые, ближайший срок первым", """
        select RES.* from ACT_RU_TASK RES where RES.ASSIGNEE_ is null and exists (select 1 from ACT_RU_IDENTITYLINK L
          where L.TASK_ID_ = RES.ID_ and L.TYPE_ = 'candidate' and (L.USER_ID_ = 'bm3' or L.GROUP_ID_ in ('managers')))
        order by RES.DUE_DATE_ asc nulls last, RES.CREATE_TIME_ desc, RES.ID_ asc limit 25""");
    explain("Мои задачи (страница /tasks), менеджер с задачами: назначенные мне, ближайший срок первым", """
        select RES.* from ACT_RU_TASK RES where RES.ASSIGNEE_ = 'bm2'
        order by RES.DUE_DATE_ asc nulls last, RES.CREATE_TIME_ desc, RES.ID_ asc limit 25""");
    explain("Мои задачи (страница /tasks), РОП: предложенные ей или её группе и не взятые", """
        select RES.* from ACT_RU_TASK RES where RES.ASSIGNEE_ is null and exists (select 1 from ACT_RU_IDENTITYLINK L
          where L.TASK_ID_ = RES.ID_ and L.TYPE_ = 'candidate' and (L.USER_ID_ = 'brop' or L.GROUP_ID_ in ('rop')))
        order by RES.DUE_DATE_ asc nulls last, RES.CREATE_TIME_ desc, RES.ID_ asc limit 25""");
    explain("Мои задачи, менеджер: число назначенных мне", "select count(*) from ACT_RU_TASK RES where RES.ASSIGNEE_ = 'bm3'");
    explain("Мои задачи, менеджер: число предложенных мне или моей группе и не взятых, до 1 001 (страница, меню)", """
        select count(*) from (select T.ID_ from ACT_RU_TASK T where T.ASSIGNEE_ is null and exists (
          select 1 from ACT_RU_IDENTITYLINK L where L.TASK_ID_ = T.ID_ and L.TYPE_ = 'candidate'
            and (L.GROUP_ID_ in ('managers') or L.USER_ID_ = 'bm3')) limit 1001) offered""");
    explain("Мои задачи, менеджер: число предложенных моей группе и не взятых, все (API)", """
        select count(*) from ACT_RU_TASK T where T.ASSIGNEE_ is null and exists (
          select 1 from ACT_RU_IDENTITYLINK L where L.TASK_ID_ = T.ID_ and L.TYPE_ = 'candidate'
            and (L.GROUP_ID_ in ('managers') or L.USER_ID_ = '-'))""");
    explain("Мои задачи, менеджер: то же число, как его считает Camunda (до этой сессии)", """
        select count(distinct RES.ID_) from ACT_RU_TASK RES inner join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
        where RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate' and I.GROUP_ID_ in ('managers')""");
    System.out.printf(Locale.ROOT, "%nbm3 (id %d) sees %d deals of %d%n", bm3Id, jdbc.queryForObject(
        "select count(*) from deal where responsible_id is null or responsible_id = ?", Long.class, bm3Id), deals);
  }

  /** Deals, counterparties with contacts and phones, and open tasks, written by SQL (the engine would take an hour). */
  void fill(List<Long> managerIds) {
    int clients = Math.max(1, deals / 5);
    jdbc.update("""
        insert into counterparty (name, inn, region, responsible_id, created_at)
        select 'ООО «Компания ' || g || '»', lpad(cast(7700000000 + g as varchar), 10, '0'),
               (array['Москва','Санкт-Петербург','Екатеринбург','Казань','Новосибирск'])[1 + g % 5], null, now() - g * interval '1 minute'
        from generate_series(1, ?) g""", clients);
    Long firstClient = jdbc.queryForObject("select min(id) from counterparty where name like 'ООО «Компания %'", Long.class);
    jdbc.update("""
        insert into contact (counterparty_id, full_name, job_title, main)
        select c.id, 'Контактов Контакт ' || c.id, 'Снабженец', true from counterparty c where c.name like 'ООО «Компания %'""");
    jdbc.update("""
        insert into contact_phone (contact_id, number)
        select k.id, '+7916' || lpad(cast(k.id as varchar), 7, '0') from contact k where k.full_name like 'Контактов Контакт %'""");
    String ids = managerIds.stream().map(String::valueOf).collect(Collectors.joining(","));
    jdbc.update("""
        insert into deal (title, funnel, stage, status, counterparty_id, responsible_id, amount, margin, direction, priority,
                          created_at, updated_at)
        select 'Поставка №' || g || ': ' || (array['клапаны','насосы','манометры','датчики давления','запорная арматура'])[1 + g %% 5]
                 || ' — Компания ' || (g %% ?),
               'SALES', s.stage, case s.stage when 'WON' then 'WON' when 'LOST' then 'LOST' else 'OPEN' end,
               ? + (g %% ?), case when s.stage = 'NEW' and g %% 3 = 0 then null else (array[%s])[1 + g %% %d] end,
               1000 * (10 + g %% 990), 100 * (10 + g %% 990), 'Россия', (array['A','B','C'])[1 + g %% 3],
               now() - (g %% 365) * interval '1 day', now() - (g %% 365) * interval '1 day' + (g %% 600) * interval '1 minute'
        from generate_series(1, ?) g
        cross join lateral (select (array['NEW','IN_WORK','KP','CONTRACT','INVOICE','LAUNCH','ACCEPTED','TO_SHIP','SHIPPED','WON','LOST'])
                                   [1 + (g * 7) %% 11] as stage) s""".formatted(ids, MANAGERS), clients, firstClient, clients, deals);
    // Open tasks as the engine keeps them: half assigned to a manager, half waiting for the «managers» group;
    // tasks of the deployed funnel («Проверить товарные позиции»), so that their forms are looked up as for real ones.
    String funnel = jdbc.queryForObject("select ID_ from ACT_RE_PROCDEF where KEY_ = ? order by VERSION_ desc limit 1",
        String.class, ru.voronka.deals.process.SalesFunnelProcess.KEY);
    jdbc.update("""
        insert into ACT_RU_TASK (ID_, REV_, NAME_, TASK_DEF_KEY_, PROC_DEF_ID_, ASSIGNEE_, PRIORITY_, CREATE_TIME_, LAST_UPDATED_,
                                 DUE_DATE_, SUSPENSION_STATE_, TASK_STATE_)
        select 'bench-' || g, 1, 'Проверить товарные позиции', ?, ?, case when g % 2 = 0 then 'bm' || (g % ?) else null end, 50,
               now() - g * interval '1 second', now() - g * interval '1 second', now() + (g % 72) * interval '1 hour', 1, 'Created'
        from generate_series(1, ?) g""", ru.voronka.deals.process.SalesFunnelProcess.Tasks.CHECK_ITEMS, funnel, MANAGERS, tasks);
    jdbc.update("""
        insert into ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_)
        select 'bench-link-' || g, 1, 'managers', 'candidate', 'bench-' || g from generate_series(1, ?) g where g % 2 = 1""", tasks);
    searchText.writeMissing(); // as at the start of a Voronka whose deals were made before the search text
    tally.recount(); // as at every start: deals made by SQL are counted
    jdbc.execute("analyze");
  }

  double[] time(Callable<Integer> page) throws Exception {
    for (int i = 0; i < 20; i++) { // warm-up: JIT, caches, the pool
      check(page.call());
    }
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      long t0 = System.nanoTime();
      check(page.call());
      millis.add((System.nanoTime() - t0) / 1e6);
    }
    millis.sort(Double::compare);
    return new double[] {millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.95) - 1), millis.get(millis.size() - 1)};
  }

  static void check(int status) {
    if (status != 200) {
      throw new IllegalStateException("HTTP " + status);
    }
  }

  static int basic(HttpClient http, String url, String user) throws Exception {
    String auth = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + auth).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  /** The search's condition as {@code SearchTerms.MATCH} reads, with its parameters written in. */
  static String match(String words, String digits) {
    return "(d.id = -1 or d.search_text like '%" + words + "%'" + (digits.isEmpty() ? "" : " or d.search_text like '%" + digits + "%'") + ")";
  }

  void explain(String title, String sql) {
    System.out.println();
    System.out.println("EXPLAIN ANALYZE — " + title);
    jdbc.queryForList("explain (analyze, buffers) " + sql, String.class).forEach(line -> System.out.println("  " + line));
  }

  /** As the application reads a capped count: sequential scans off ({@code CustomPlans.readingIndexes}). */
  void explainReadingIndexes(String title, String sql) {
    System.out.println();
    System.out.println("EXPLAIN ANALYZE — " + title + " (enable_seqscan = off)");
    jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
      try (var statement = connection.createStatement()) {
        statement.execute("set enable_seqscan = off");
        try (var plan = statement.executeQuery("explain (analyze, buffers) " + sql)) {
          while (plan.next()) {
            System.out.println("  " + plan.getString(1));
          }
        }
        statement.execute("reset enable_seqscan");
      }
      return null;
    });
  }
}
