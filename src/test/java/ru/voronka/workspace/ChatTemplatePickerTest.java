package ru.voronka.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import freemarker.template.Configuration;
import freemarker.template.Template;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.voronka.chat.ChatFinder;
import ru.voronka.chat.ChatKind;
import ru.voronka.chat.ChatReading;
import ru.voronka.chat.ChatViews.ChatPage;
import ru.voronka.deals.DealRepository;
import ru.voronka.deals.Viewer;
import ru.voronka.messaging.ClientMessenger.MessageTemplate;
import ru.voronka.support.WorkspaceTest;

/**
 * Issue 17, item 4, the chat panel: with a provider that lists approved templates (the Cloud API) the
 * client's chat offers each with a field per parameter; without any, no picker. (The demo's simulated
 * WhatsApp lists none, so the panel is rendered here with a list of its own.)
 */
class ChatTemplatePickerTest extends WorkspaceTest {

  @Autowired Configuration freemarker;
  @Autowired ChatReading reading;
  @Autowired ChatFinder finder;
  @Autowired DealRepository deals;

  String panel(List<MessageTemplate> templates) throws Exception {
    Viewer rop = Viewer.of("smirnova", List.of("rop"));
    Long deal = deals.findAll().stream().filter(d -> d.getTitle().equals("Узел учёта тепла")).findFirst().orElseThrow().getId();
    ChatPage chat = reading.open(finder.dealChat(deal, ChatKind.DEAL_CLIENT, rop), rop, null);
    Template page = new Template("panel.ftlh", "<#import \"/workspace/chat.ftlh\" as c><@c.panel chat/>", freemarker);
    StringWriter out = new StringWriter();
    page.process(Map.of("chat", chat, "waTemplates", templates), out);
    return out.toString();
  }

  @Test
  void eachApprovedTemplateIsOfferedWithAFieldPerParameter() throws Exception {
    String html = panel(List.of(
        new MessageTemplate("order_reminder", "ru", "UTILITY", "Здравствуйте, {{1}}! Напоминаем о {{2}}.", 2),
        new MessageTemplate("hello", "ru", "MARKETING", "Здравствуйте! Чем можем помочь?", 0)));

    assertThat(html).contains("Шаблон WhatsApp", "hx-post=\"/chats/", "/template\"",
        "value=\"order_reminder|ru\"", "value=\"hello|ru\"", "Здравствуйте, {{1}}! Напоминаем о {{2}}.",
        "placeholder=\"{{1}}\"", "placeholder=\"{{2}}\"", "Отправить шаблон");
    assertThat(html.split("name=\"parameter\"", -1)).hasSize(3); // two fields, for order_reminder only
  }

  @Test
  void withoutTemplatesThereIsNoPicker() throws Exception {
    assertThat(panel(List.of())).doesNotContain("Отправить шаблон");
  }
}
