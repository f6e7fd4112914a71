package ru.voronka.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The carrier of a client's number (finding 6 of issue 19): from the numbering plan's register in
 * the format Минцифры publishes (a few lines of it in test resources), else from libphonenumber's
 * carrier data — and the SIM of that carrier sends.
 */
class MobileCarriersTest {

  static final Path REGISTER = Path.of("src/test/resources/numbering/DEF-9xx-sample.csv");

  @Test
  void theRegisterNamesTheCarrierOfTheRange_byItsBrand() {
    MobileCarriers carriers = new MobileCarriers(NumberingPlan.read(List.of(REGISTER)));
    assertThat(carriers.carrierOf("+79126007080")).isEqualTo("МТС"); // libphonenumber has no МТС ranges at 912
    assertThat(carriers.carrierOf("+79127001234")).isEqualTo("Т2"); // a quoted field with doubled quotes
    assertThat(carriers.carrierOf("+79585012345")).isEqualTo("ООО \"Глобал Телеком\""); // a name nobody maps: as it is
    assertThat(carriers.carrierOf("+79031002003")).isEqualTo("Билайн"); // not in the register: libphonenumber
    assertThat(carriers.carrierOf("+74956498447")).isNull(); // a landline
  }

  @Test
  void withoutTheRegister_libphonenumbersCarrierDataAnswers() {
    MobileCarriers carriers = new MobileCarriers(NumberingPlan.empty());
    assertThat(carriers.carrierOf("+79253004050")).isEqualTo("МегаФон");
    assertThat(carriers.carrierOf("+79031002003")).isEqualTo("Билайн");
    assertThat(carriers.carrierOf("+79001234567")).isEqualTo("Т2");
    assertThat(carriers.carrierOf("+79126007080")).isNull();
  }

  @Test
  void theSimOfTheRecipientsCarrierSends_whateverTheNameTheAdministratorGaveIt() {
    SimCards sims = new SimCards(Map.of("MTS", "+79160000001", "Мегафон", "+79260000002", "Tele2", "+79770000004"), "+79160000000",
        new MobileCarriers(NumberingPlan.read(List.of(REGISTER))));
    assertThat(sims.senderFor("+79126007080", null)).isEqualTo("+79160000001");
    assertThat(sims.senderFor("+79261002002", null)).isEqualTo("+79260000002");
    assertThat(sims.senderFor("+79127001234", null)).isEqualTo("+79770000004");
    assertThat(sims.senderFor("+79031002003", null)).isEqualTo("+79160000000"); // no Билайн SIM: the default
    assertThat(sims.senderFor("+79261002002", "МТС")).isEqualTo("+79160000001"); // the employee's card says so (a moved number)
  }

  @Test
  void aRegisterThatCannotBeReadStopsTheStart() {
    assertThatThrownBy(() -> NumberingPlan.read(List.of(Path.of("no/such/DEF-9xx.csv"))))
        .hasMessageContaining("Реестр нумерации не прочитан");
  }
}
