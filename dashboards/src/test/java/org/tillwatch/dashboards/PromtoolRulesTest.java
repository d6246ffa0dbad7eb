package org.tillwatch.dashboards;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** promtool's own checks on the shipped rules and example config, and the rules' unit tests. */
class PromtoolRulesTest {
    private static final Path PROMETHEUS = Path.of("prometheus").toAbsolutePath();

    @Test
    void rulesPassPromtoolCheck() {
        Tools.Run r = Tools.run(PROMETHEUS, List.of(Tools.require("promtool").toString(), "check", "rules", "tillwatch-rules.yml"));
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("SUCCESS");
    }

    @Test
    void rulesPassTheirUnitTests() {
        Tools.Run r = Tools.run(PROMETHEUS, List.of(Tools.require("promtool").toString(), "test", "rules", "tillwatch-rules.test.yml"));
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    void exampleConfigIsValid() {
        Tools.Run r = Tools.run(PROMETHEUS, List.of(Tools.require("promtool").toString(), "check", "config", "prometheus.example.yml"));
        assertThat(r.exitCode()).as(r.output()).isZero();
    }
}
