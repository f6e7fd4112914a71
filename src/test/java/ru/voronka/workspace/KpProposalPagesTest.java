package ru.voronka.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealRepository;
import ru.voronka.deals.DealService;
import ru.voronka.deals.KpImport;
import ru.voronka.deals.KpLineRepository;
import ru.voronka.deals.NewDeal;
import ru.voronka.deals.Viewer;
import ru.voronka.support.WorkspaceTest;

/** The 1C КП proposes, the manager decides (issue 15, ONE-1): shown beside the deal's lines, taken only on confirmation. */
class KpProposalPagesTest extends WorkspaceTest {

  static final RequestPostProcessor ROP = user("smirnova").roles("ROP");
  static final RequestPostProcessor SIDOROVA = user("sidorova").roles("MANAGERS");

  @Autowired MockMvc mvc;
  @Autowired DealService dealService;
  @Autowired DealRepository deals;
  @Autowired KpLineRepository lines;
  @Autowired KpImport kpImport;

  /** The demo's 1C simulator keeps a КП for every ИНН. */
  Deal dealOfAClientIn1C(String title, String inn) {
    return dealService.create(new NewDeal(title, null, new NewDeal.NewClient("ООО «Котлы " + title + "»", inn, null,
        "Иванов Иван", null, null), new BigDecimal("340000"), new BigDecimal("85000"), "Россия", null, null),
        Viewer.of("smirnova", List.of("rop")));
  }

  @Test
  void theKpFoundIn1C_isShownBesideTheDealsLines_andReplacesThemOnlyOnConfirmation_amountAndMarginTogether() throws Exception {
    Deal deal = dealOfAClientIn1C("Котельная №1", "7707083893");
    var proposal = kpImport.proposeFromOneC(deal.getId()).orElseThrow();
    Deal unchanged = deals.findById(deal.getId()).orElseThrow();
    assertThat(unchanged.getAmount()).isEqualByComparingTo("340000");
    assertThat(lines.findByDealIdOrderByLineNo(deal.getId())).isEmpty();

    mvc.perform(get("/deals/" + deal.getId()).param("tab", "documents").with(ROP))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("КП из 1С №" + proposal.getNumber())))
        .andExpect(content().string(containsString("ждёт вашего решения")))
        .andExpect(content().string(containsString("hx-confirm=\"Заменить строки сделки КП №" + proposal.getNumber())))
        .andExpect(content().string(containsString("Строк КП нет.")));
    mvc.perform(post("/deals/" + deal.getId() + "/kp-proposal/accept").param("proposal", String.valueOf(proposal.getId()))
            .with(SIDOROVA).with(csrf()).header("HX-Request", "true"))
        .andExpect(status().is4xxClientError());

    mvc.perform(post("/deals/" + deal.getId() + "/kp-proposal/accept").param("proposal", String.valueOf(proposal.getId()))
            .with(ROP).with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("КП из 1С принято")))
        .andExpect(content().string(not(containsString("ждёт вашего решения"))));
    Deal taken = deals.findById(deal.getId()).orElseThrow();
    assertThat(taken.getAmount()).isEqualByComparingTo(proposal.getTotal());
    assertThat(taken.getMargin()).isEqualByComparingTo(proposal.getTotal().multiply(new BigDecimal("0.25")).setScale(2, java.math.RoundingMode.HALF_UP));
    assertThat(lines.findByDealIdOrderByLineNo(deal.getId())).hasSize(proposal.getLines().size());
    mvc.perform(post("/deals/" + deal.getId() + "/kp-proposal/accept").param("proposal", String.valueOf(proposal.getId()))
            .with(ROP).with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isConflict());
  }

  @Test
  void declined_theDealKeepsItsLinesAndAmount() throws Exception {
    Deal deal = dealOfAClientIn1C("Котельная №2", "7728168971");
    var proposal = kpImport.proposeFromOneC(deal.getId()).orElseThrow();
    mvc.perform(post("/deals/" + deal.getId() + "/kp-proposal/decline").param("proposal", String.valueOf(proposal.getId()))
            .with(ROP).with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("КП из 1С отклонено")));
    assertThat(deals.findById(deal.getId()).orElseThrow().getAmount()).isEqualByComparingTo("340000");
    assertThat(kpImport.proposal(deal.getId())).isEmpty();
  }
}
