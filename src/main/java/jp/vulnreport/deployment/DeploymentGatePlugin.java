package jp.vulnreport.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.vulnreport.deployment.DeploymentRecords.Outcome;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link DeploymentGate} in front of the engine's own deployers, so every path that
 * deploys passes it: {@code /engine-rest/deployment/create} (Camunda Modeler), the webapps' REST
 * API, the Java API and the application's own deployment at start-up. Only new deployments are
 * checked (the engine re-parses stored ones into its cache without asking again), and each new one
 * is recorded by {@link DeploymentRecords}: an accepted one in the deployment's transaction, a
 * refused one in a transaction of its own (the deployment's rolls back).
 */
@Component
public class DeploymentGatePlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(DeploymentGatePlugin.class);

  private final DeploymentGate gate = new DeploymentGate(new ObjectMapper());
  private final ApplicationBeans beans;
  private final DeploymentRecords records;
  private final Deployer deployer = this::deploy;

  public DeploymentGatePlugin(ConfigurableListableBeanFactory beanFactory, DeploymentRecords records) {
    this.beans = new ApplicationBeans(beanFactory);
    this.records = records;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers = new ArrayList<>();
    deployers.add(deployer);
    if (configuration.getCustomPreDeployers() != null) {
      deployers.addAll(configuration.getCustomPreDeployers());
    }
    configuration.setCustomPreDeployers(deployers);
  }

  /** The pre-deployer this plugin puts in the engine. */
  public Deployer deployer() {
    return deployer;
  }

  void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    Map<String, byte[]> resources = new TreeMap<>();
    if (deployment.getResources() != null) {
      for (ResourceEntity r : deployment.getResources().values()) {
        resources.put(r.getName(), r.getBytes() == null ? new byte[0] : r.getBytes());
      }
    }
    CommandContext command = Context.getCommandContext();
    String user = command.getAuthenticatedUserId();
    DeploymentGate.Lookups lookups = new DeploymentGate.Lookups(beans,
        key -> command.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key) != null,
        template -> new ClassPathResource("mail/" + template + ".txt").exists());
    List<DeploymentGate.ResourceFindings> findings = gate.check(resources, lookups);
    if (findings.isEmpty()) {
      records.record(user, deployment.getName(), deployment.getSource(), deployment.getId(), Outcome.ACCEPTED,
          List.of(), resources);
      command.getTransactionContext().addTransactionListener(TransactionState.ROLLED_BACK,
          rolledBack -> recordEngineRefusal(user, deployment, resources));
      return;
    }
    List<String> lines = new ArrayList<>();
    findings.forEach(f -> f.findings().forEach(p -> lines.add(f.resourceName() + ": " + p)));
    LOG.warn("Deployment '{}' by {} refused by the gate:\n{}", deployment.getName(),
        user == null ? DeploymentRecords.SYSTEM : user, String.join("\n", lines));
    records.recordSeparately(user, deployment.getName(), deployment.getSource(), deployment.getId(), Outcome.REFUSED,
        lines, resources);
    throw new DeploymentRefusedException(findings);
  }

  /** The gate let it pass, but the engine (or a later step) refused it: the deployment is not stored. */
  private void recordEngineRefusal(String user, DeploymentEntity deployment, Map<String, byte[]> resources) {
    try {
      records.recordSeparately(user, deployment.getName(), deployment.getSource(), deployment.getId(),
          Outcome.REFUSED, List.of("ゲートは通過しましたが、エンジンがデプロイを取り消しました（応答のエラーを参照）"
              + " / passed the gate, but the engine rolled the deployment back (see the error it answered)"),
          resources);
    } catch (RuntimeException e) {
      LOG.error("Could not record the rolled-back deployment '{}'", deployment.getName(), e);
    }
  }
}
