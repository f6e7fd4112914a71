package ru.voronka.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An installation's own templates: taken from the configured folder without a rebuild; a broken one refused at start. */
class DocumentTemplatesTest {

  @Test
  void a_template_in_the_folder_replaces_the_shipped_one_and_the_rest_stay(@TempDir Path folder) throws Exception {
    Files.writeString(folder.resolve("kp.ftlh"), "<html><body><p>Наше КП № ${doc.number}</p></body></html>");
    DocumentTemplates templates = new DocumentTemplates(new DocumentProperties(folder.toString(), null, null));
    assertThat(templates.html(DocumentType.KP, Map.of("doc", Map.of("number", "7")))).contains("Наше КП № 7");
    templates.checkAll(); // the shipped ones are still there for every other type
  }

  @Test
  void a_broken_template_is_refused_at_start_with_its_file_and_line(@TempDir Path folder) throws Exception {
    Files.writeString(folder.resolve("act.ftlh"), "<html>\n<body>\n<#if doc.number>\n<p>нет закрывающего тега</p>\n</body></html>");
    assertThatThrownBy(() -> new DocumentTemplates(new DocumentProperties(folder.toString(), null, null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(folder.resolve("act.ftlh").toString())
        .hasMessageContaining("строка ");
  }

  @Test
  void a_folder_that_does_not_exist_is_refused_at_start(@TempDir Path folder) {
    assertThatThrownBy(() -> new DocumentTemplates(new DocumentProperties(folder.resolve("нет").toString(), null, null)))
        .hasMessageContaining("нет такой папки");
  }
}
