package ru.voronka.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.junit.jupiter.web.SpringJUnitWebConfig;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import ru.voronka.platform.CurrentActor;

/**
 * The calendar API in a small MVC context: the controller, the API's problem handler and method
 * security, so {@code @PreAuthorize} is really enforced — no engine, no database.
 */
@SpringJUnitWebConfig(CalendarControllerTest.Api.class)
class CalendarControllerTest {

  @Configuration
  @EnableWebMvc
  @EnableMethodSecurity
  @ComponentScan(basePackages = "ru.voronka.platform.web", useDefaultFilters = false,
      includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.ProblemHandler"))
  static class Api implements WebMvcConfigurer {

    /** JSON as the application writes it (Spring Boot's default): dates as ISO strings. */
    @Override
    public void configureMessageConverters(List<HttpMessageConverter<?>> converters) {
      converters.add(new MappingJackson2HttpMessageConverter(Jackson2ObjectMapperBuilder.json()
          .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build()));
    }

    @Bean
    CalendarDayRepository calendarDays() {
      return CalendarData.repository();
    }

    @Bean
    WorkingCalendar workingCalendar(CalendarDayRepository days) {
      return new WorkingCalendar(days);
    }

    @Bean
    CurrentActor currentActor() {
      CurrentActor actor = Mockito.mock(CurrentActor.class);
      Mockito.when(actor.userId()).thenReturn("admin");
      return actor;
    }

    @Bean
    CalendarController calendarController(CalendarDayRepository days, WorkingCalendar calendar, CurrentActor actor) {
      return new CalendarController(days, calendar, actor);
    }
  }

  @Autowired
  WebApplicationContext context;

  @Autowired
  CalendarDayRepository days;

  MockMvc api;

  @BeforeEach
  void setUp() {
    api = MockMvcBuilders.webAppContextSetup(context).build();
  }

  @Test
  @WithMockUser(roles = "SALES")
  void the_year_shows_working_days_by_month_and_every_exception() throws Exception {
    api.perform(get("/api/calendar/2026"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.workingDays").value(247))
        .andExpect(jsonPath("$.months", hasSize(12)))
        .andExpect(jsonPath("$.months[0].name").value("январь"))
        .andExpect(jsonPath("$.months[0].workingDays").value(15))
        .andExpect(jsonPath("$.months[2].workingDays").value(21))
        .andExpect(jsonPath("$.exceptions", hasSize(14)))
        .andExpect(jsonPath("$.exceptions[0].day").value("2026-01-01"))
        .andExpect(jsonPath("$.exceptions[0].dayText").value("01.01.2026"))
        .andExpect(jsonPath("$.exceptions[0].working").value(false))
        .andExpect(jsonPath("$.exceptions[13].note").value("Перенос с 4 января"));
  }

  @Test
  @WithMockUser(roles = "SALES")
  void a_year_out_of_range_is_refused_in_russian() throws Exception {
    api.perform(get("/api/calendar/1999"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("Год должен быть между 2000 и 2100"));
  }

  @Test
  @WithMockUser(roles = "CAMUNDA_ADMIN")
  void an_administrator_enters_a_day_off_and_the_year_counts_it() throws Exception {
    api.perform(put("/api/calendar/days/2027-12-31").contentType(MediaType.APPLICATION_JSON)
            .content("{\"working\": false, \"note\": \"Перенос с 2 января (постановление на 2027 год)\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.day").value("2027-12-31"))
        .andExpect(jsonPath("$.working").value(false));

    assertThat(days.findById(LocalDate.of(2027, 12, 31))).get().extracting(CalendarDay::isWorking).isEqualTo(false);
    api.perform(get("/api/calendar/2027"))
        .andExpect(jsonPath("$.months[11].workingDays").value(22))
        .andExpect(jsonPath("$.exceptions[-1:].note").value("Перенос с 2 января (постановление на 2027 год)"));
  }

  @Test
  @WithMockUser(roles = "SALES")
  void only_an_administrator_may_change_the_calendar() throws Exception {
    api.perform(put("/api/calendar/days/2026-06-11").contentType(MediaType.APPLICATION_JSON)
            .content("{\"working\": false, \"note\": \"Просто так\"}"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail").value("Недостаточно прав для этого действия"));

    assertThat(days.findById(LocalDate.of(2026, 6, 11))).isEmpty();
  }

  @Test
  @WithMockUser(roles = "CAMUNDA_ADMIN")
  void a_change_without_working_or_reason_is_refused_in_russian() throws Exception {
    api.perform(put("/api/calendar/days/2026-06-11").contentType(MediaType.APPLICATION_JSON)
            .content("{\"note\": \" \"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", containsString("«working»: Укажите, рабочий ли день")))
        .andExpect(jsonPath("$.detail", containsString("«note»: Укажите основание")));
  }

  @Test
  @WithMockUser(roles = "CAMUNDA_ADMIN")
  void a_date_that_is_not_a_date_is_refused_in_russian() throws Exception {
    api.perform(put("/api/calendar/days/tomorrow").contentType(MediaType.APPLICATION_JSON)
            .content("{\"working\": false, \"note\": \"Перенос\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", containsString("Параметр «date»")));
  }
}
