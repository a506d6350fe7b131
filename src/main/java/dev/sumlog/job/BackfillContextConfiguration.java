package dev.sumlog.job;

import dev.sumlog.SumlogProperties;
import dev.sumlog.audit.AuditJobConfiguration;
import dev.sumlog.catalog.AlertRepository;
import dev.sumlog.catalog.ArtifactRepository;
import dev.sumlog.catalog.CheckRepository;
import dev.sumlog.catalog.LogCheckpointRepository;
import dev.sumlog.catalog.OutputRepository;
import dev.sumlog.catalog.ProblemRepository;
import dev.sumlog.catalog.ReleaseAcceptances;
import dev.sumlog.catalog.ReleaseRepository;
import dev.sumlog.catalog.SignedSubjects;
import dev.sumlog.catalog.SubmissionRepository;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Everything the backfill's context holds, named: no component scanning and no auto-configuration
 * beyond the five a JDBC-backed Spring Batch job needs (each scanned package and each candidate
 * auto-configuration costs start-up time in class parsing and condition checks, on every run).
 * Flyway's auto-configuration is listed but off unless the schema is behind (SchemaCheck), and then
 * it is the only thing that loads Flyway's classes. A new bean type must be added here.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class, BatchJdbcAutoConfiguration.class})
@EnableConfigurationProperties(SumlogProperties.class)
@Import({BackfillJobConfiguration.class, SubmitStepsConfiguration.class, AuditJobConfiguration.class, BackfillRunner.class, StopSignal.class,
        AlertRepository.class, ArtifactRepository.class, ReleaseAcceptances.class, CheckRepository.class, SignedSubjects.class, LogCheckpointRepository.class, OutputRepository.class,
        ProblemRepository.class, ReleaseRepository.class, SubmissionRepository.class})
public class BackfillContextConfiguration {
}
