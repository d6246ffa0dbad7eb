package org.tillwatch.orchestrator.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Incidents saved from the alerting API ({@code GET /api/v1/incidents?state=all}, the same JSON): lets a dry run of
 * templates on past data see the incidents of that time without a running collector.
 */
public final class FileIncidents implements IncidentSource {
    private final List<IncidentRef> incidents;

    public FileIncidents(List<IncidentRef> incidents) {
        this.incidents = List.copyOf(incidents);
    }

    public static FileIncidents load(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.path("incidents").isArray()) throw new IOException(file + ": expected {\"incidents\": [...]} as GET /api/v1/incidents returns");
        List<IncidentRef> out = new ArrayList<>();
        for (JsonNode n : root.get("incidents")) {
            try {
                out.add(HttpIncidentSource.incident(n));
            } catch (RuntimeException e) {
                throw new IOException(file + ": incident " + n.path("id").asText("?") + " unreadable: " + e.getMessage(), e);
            }
        }
        return new FileIncidents(out);
    }

    @Override
    public List<IncidentRef> openAt(String store, Instant at) {
        return incidents.stream()
                .filter(i -> i.stores().isEmpty() || i.stores().contains(store) || "chain".equals(i.scope()))
                .filter(i -> i.started() != null && !at.isBefore(i.started()) && (i.resolved() == null || at.isBefore(i.resolved())))
                .toList();
    }

    @Override
    public Optional<IncidentRef> byId(String id) {
        return incidents.stream().filter(i -> i.id().equals(id)).findFirst();
    }
}
