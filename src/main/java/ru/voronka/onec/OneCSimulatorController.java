package ru.voronka.onec;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/** The demo's window into its 1C: see the logist's tasks and finish them as the logist would in 1C. */
@Tag(name = "Симуляторы", description = "Демо: внешний мир без внешнего мира")
@RestController
class OneCSimulatorController {

  private final OneC oneC;

  OneCSimulatorController(OneC oneC) {
    this.oneC = oneC;
  }

  record TaskView(String ref, long dealId, String subject, String description, String dueDate, boolean executed) {}

  @Operation(summary = "Симулятор 1С: задачи логиста")
  @GetMapping("/api/simulators/onec/tasks")
  @PreAuthorize("hasAnyRole('CAMUNDA_ADMIN', 'LOGISTS')")
  List<TaskView> tasks() {
    return simulator().tasks().stream()
        .map(t -> new TaskView(t.ref(), t.task().dealId(), t.task().subject(), t.task().description(),
            t.task().dueDate().toString(), t.executed()))
        .sorted(Comparator.comparing(TaskView::dealId).thenComparing(TaskView::subject))
        .toList();
  }

  @Operation(summary = "Симулятор 1С: логист выполнил задачу (Voronka заметит это при следующем опросе 1С)")
  @PostMapping("/api/simulators/onec/tasks/{ref}/execute")
  @PreAuthorize("hasAnyRole('CAMUNDA_ADMIN', 'LOGISTS')")
  TaskView execute(@PathVariable String ref) {
    SimulatedOneC simulator = simulator();
    if (!simulator.execute(ref)) {
      throw new DomainException(Kind.NOT_FOUND, "В симуляторе 1С нет задачи " + ref);
    }
    return tasks().stream().filter(t -> t.ref().equals(ref)).findFirst().orElseThrow();
  }

  private SimulatedOneC simulator() {
    if (oneC instanceof SimulatedOneC simulated) {
      return simulated;
    }
    throw new DomainException(Kind.NOT_FOUND, "Симулятор 1С выключен: Voronka работает с настоящей 1С по OData");
  }
}
