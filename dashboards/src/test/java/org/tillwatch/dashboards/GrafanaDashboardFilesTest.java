package org.tillwatch.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard files as Grafana reads them: layout, data source, variables, provisioning. */
class GrafanaDashboardFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fourDashboardsWithDatasourceRegionAndStoreVariables() throws IOException {
        List<GrafanaDashboard> all = GrafanaDashboard.all();
        // the fifth, support tickets, is the orchestrator's: chain-wide, so without store and region variables
        assertThat(all).extracting(GrafanaDashboard::uid).containsExactlyInAnyOrder(
                "tillwatch-availability", "tillwatch-errors", "tillwatch-x5card", "tillwatch-loyalty-api", "tillwatch-tickets");
        for (GrafanaDashboard d : all) {
            if (d.uid().equals("tillwatch-tickets")) continue;
            assertThat(d.variables()).as(d.title()).extracting(GrafanaDashboard.Variable::name).contains("datasource", "region", "store");
            assertThat(d.targets()).as(d.title()).hasSizeGreaterThanOrEqualTo(8);
            assertThat(d.title()).as("Russian first, then English").contains(" / ");
        }
    }

    @Test
    void panelsHaveUniqueIdsTheDatasourceVariableAndDoNotOverlap() throws IOException {
        for (GrafanaDashboard d : GrafanaDashboard.all()) {
            JsonNode root = JSON.readTree(d.file().toFile());
            Set<Integer> ids = new HashSet<>();
            List<int[]> boxes = new ArrayList<>();
            for (JsonNode p : root.get("panels")) {
                assertThat(ids.add(p.get("id").asInt())).as(d.title() + ": panel id " + p.get("id")).isTrue();
                JsonNode g = p.get("gridPos");
                int[] box = {g.get("x").asInt(), g.get("y").asInt(), g.get("w").asInt(), g.get("h").asInt()};
                assertThat(box[0] + box[2]).as(d.title() + " / " + p.get("title").asText()).isLessThanOrEqualTo(24);
                for (int[] other : boxes) {
                    boolean overlap = box[0] < other[0] + other[2] && other[0] < box[0] + box[2]
                            && box[1] < other[1] + other[3] && other[1] < box[1] + box[3];
                    assertThat(overlap).as(d.title() + " / " + p.get("title").asText() + " overlaps another panel").isFalse();
                }
                boxes.add(box);
                if (p.get("type").asText().equals("row")) continue;
                assertThat(p.get("datasource").get("uid").asText()).isEqualTo("${datasource}");
                for (JsonNode t : p.get("targets")) assertThat(t.get("datasource").get("uid").asText()).isEqualTo("${datasource}");
            }
        }
    }

    @Test
    void provisioningPointsAtPrometheusAndTheDashboardsFolder() throws IOException {
        String ds = Files.readString(Path.of("grafana", "provisioning", "datasources", "tillwatch.yml"));
        assertThat(ds).contains("type: prometheus", "uid: tillwatch-prometheus");
        String provider = Files.readString(Path.of("grafana", "provisioning", "dashboards", "tillwatch.yml"));
        assertThat(provider).contains("type: file", "folder: tillwatch", "path: /var/lib/grafana/dashboards/tillwatch");
    }
}
