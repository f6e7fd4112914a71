package ru.voronka.platform.cluster;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import ru.voronka.support.OtherNode;

/**
 * The work of the two-node test's jobs ({@code ${twoNodesProbe.run(execution)}}), on whichever node's
 * job executor takes the job. Every attempt is written at once, in a transaction of its own (table
 * it_probe, kind «attempt»); the job's success is written in the job's own transaction (kind «done»),
 * so it is there only if the job committed. Modes: {@code flaky} fails the first attempt of each
 * instance; {@code slowOnA} hangs on node A (which the test then kills mid-job).
 */
@Component("twoNodesProbe")
public class TwoNodesProbe {

  static final String TABLE = "create table if not exists it_probe (instance_id varchar(64), node varchar(8), "
      + "kind varchar(16), at timestamp with time zone default now())";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate apart;
  private final String node = System.getProperty(OtherNode.NODE_PROPERTY, "B");

  TwoNodesProbe(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.apart = new TransactionTemplate(transactions);
    this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public void run(DelegateExecution execution) throws InterruptedException {
    String instance = execution.getProcessInstanceId();
    String mode = String.valueOf(execution.getVariable("mode"));
    Integer before = apart.execute(status -> {
      Integer earlier = jdbc.queryForObject("select count(*) from it_probe where instance_id = ? and kind = 'attempt'",
          Integer.class, instance);
      jdbc.update("insert into it_probe (instance_id, node, kind) values (?, ?, 'attempt')", instance, node);
      return earlier;
    });
    if ("flaky".equals(mode) && before == 0) {
      throw new IllegalStateException("The first attempt fails (a provider's 503), node " + node);
    }
    if ("slowOnA".equals(mode) && "A".equals(node)) {
      Thread.sleep(600_000); // the node is killed long before
    }
    jdbc.update("insert into it_probe (instance_id, node, kind) values (?, ?, 'done')", instance, node);
  }
}
