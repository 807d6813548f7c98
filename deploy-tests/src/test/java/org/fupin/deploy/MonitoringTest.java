package org.fupin.deploy;

import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ServiceMonitors scrape the management port; the alerts use metric names the services really expose. */
class MonitoringTest {

    @Test
    void serviceMonitorsScrapeTheManagementPort() {
        var r = Chart.render(Chart.PRODUCTION_VALUES);
        Set<String> monitored = new TreeSet<>();
        for (ServiceMonitor m : r.typed("ServiceMonitor", ServiceMonitor.class)) {
            monitored.add(m.getMetadata().getName());
            assertEquals("management", m.getSpec().getEndpoints().get(0).getPort());
            assertEquals("/q/metrics", m.getSpec().getEndpoints().get(0).getPath());
            var svc = r.one("Service", m.getMetadata().getName() + "-management");
            m.getSpec().getSelector().getMatchLabels().forEach((k, v) ->
                    assertEquals(v, svc.path("metadata").path("labels").path(k).asText(), "selects the management Service"));
        }
        assertEquals(CodeFacts.services(), monitored);
    }

    @Test
    void alertsUseMetricsThePlatformRegisters() {
        var r = Chart.render(Chart.PRODUCTION_VALUES);
        PrometheusRule rule = r.typed(r.ofKind("PrometheusRule").get(0), PrometheusRule.class);
        Map<String, String> alerts = rule.getSpec().getGroups().stream().flatMap(g -> g.getRules().stream())
                .collect(Collectors.toMap(Rule::getAlert, x -> x.getExpr().getStrVal()));
        Set<String> meters = CodeFacts.platformMeters();
        Pattern fupin = Pattern.compile("\\bfupin_[a-z_]+");
        for (String expr : alerts.values()) {
            Matcher m = fupin.matcher(expr);
            while (m.find()) {
                String used = m.group();
                boolean known = meters.stream().anyMatch(x -> used.equals(x) || used.equals(x + "_total")
                        || used.startsWith(x + "_") && List.of("_count", "_sum", "_bucket", "_max").stream().anyMatch(used::endsWith));
                assertTrue(known, used + " is not a meter of the platform " + meters);
            }
        }
        String all = String.join("\n", alerts.values());
        assertTrue(all.contains("fupin_outbox_oldest_age_seconds"), "outbox backlog age");
        assertTrue(all.contains("outcome=\"dead-lettered\""), "dead-letter growth");
        assertTrue(all.contains("kafka_consumer_fetch_manager_records_lag_max"), "consumer lag");
        assertTrue(all.contains("status=~\"5..\""), "5xx rate");
    }
}
