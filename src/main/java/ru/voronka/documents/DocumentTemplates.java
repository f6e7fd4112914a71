package ru.voronka.documents;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The documents' Freemarker templates: {@code templates/documents/} in the jar, each replaceable by a
 * file of the same name in {@code voronka.documents.template-folder} (read at every render, so an
 * installation edits its layouts without a rebuild). Every template is parsed at start: a broken one
 * stops the application with its file and line, not the first client's invoice.
 */
@Component
class DocumentTemplates {

  private static final Logger log = LoggerFactory.getLogger(DocumentTemplates.class);
  static final List<String> SHARED = List.of("common.ftlh");

  private final Configuration freemarker;
  private final String folder;

  DocumentTemplates(DocumentProperties properties) throws IOException {
    this.folder = properties.templateFolder() == null || properties.templateFolder().isBlank() ? null : properties.templateFolder();
    this.freemarker = new Configuration(Configuration.VERSION_2_3_33);
    List<TemplateLoader> loaders = new ArrayList<>();
    if (folder != null) {
      File dir = new File(folder);
      if (!dir.isDirectory()) {
        throw new IllegalStateException("voronka.documents.template-folder: нет такой папки: " + dir.getAbsolutePath());
      }
      loaders.add(new FileTemplateLoader(dir));
      log.info("Document templates: {} overrides the shipped ones", dir.getAbsolutePath());
    }
    loaders.add(new ClassTemplateLoader(DocumentTemplates.class.getClassLoader(), "templates/documents"));
    freemarker.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
    freemarker.setDefaultEncoding("UTF-8");
    freemarker.setLocale(Locale.forLanguageTag("ru-RU"));
    freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    freemarker.setLogTemplateExceptions(false);
    freemarker.setFallbackOnNullLoopVariable(false);
    freemarker.setTemplateUpdateDelayMilliseconds(folder == null ? Long.MAX_VALUE : 2000);
    checkAll();
  }

  /** Parses every template now; a broken one is refused with the file and the line. */
  void checkAll() {
    List<String> names = new ArrayList<>(SHARED);
    for (DocumentType type : DocumentType.values()) {
      names.add(type.template());
    }
    for (String name : names) {
      try {
        freemarker.getTemplate(name);
      } catch (ParseException e) {
        throw new IllegalStateException("Шаблон документа «" + where(name) + "» испорчен, строка " + e.getLineNumber()
            + ", столбец " + e.getColumnNumber() + ": " + e.getEditorMessage(), e);
      } catch (IOException e) {
        throw new IllegalStateException("Шаблон документа «" + where(name) + "» не прочитан: " + e.getMessage(), e);
      }
    }
  }

  String html(DocumentType type, Map<String, Object> model) {
    try {
      Template template = freemarker.getTemplate(type.template());
      StringWriter out = new StringWriter();
      template.process(model, out);
      return out.toString();
    } catch (TemplateException e) {
      throw new IllegalStateException("Шаблон «" + where(type.template()) + "», строка " + e.getLineNumber() + ": "
          + e.getMessageWithoutStackTop(), e);
    } catch (IOException e) {
      throw new IllegalStateException("Шаблон «" + where(type.template()) + "» не прочитан: " + e.getMessage(), e);
    }
  }

  private String where(String name) {
    if (folder != null && new File(folder, name).isFile()) {
      return new File(folder, name).getAbsolutePath();
    }
    return "templates/documents/" + name;
  }
}
