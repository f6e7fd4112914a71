package ru.voronka.workspace;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import org.springframework.boot.autoconfigure.freemarker.FreeMarkerVariablesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.voronka.directory.PhoneNumbers;

/**
 * What every page may call besides its model: {@code ${phoneText(number)}} — a number as people read
 * it, «+7 912 600-70-80».
 */
@Configuration
class PageHelpers {

  @Bean
  FreeMarkerVariablesCustomizer phoneForPeople() {
    return variables -> variables.put("phoneText", (TemplateMethodModelEx) arguments -> {
      if (arguments.size() != 1) {
        throw new TemplateModelException("phoneText(number) takes one number");
      }
      Object number = DeepUnwrap.unwrap((freemarker.template.TemplateModel) arguments.get(0));
      return PhoneNumbers.display(number == null ? null : number.toString());
    });
  }
}
