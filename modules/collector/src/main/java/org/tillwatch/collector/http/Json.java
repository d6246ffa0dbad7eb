package org.tillwatch.collector.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/** JSON in and out of the API: ISO-8601 times, no nulls. */
public final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private Json() {
    }

    interface Work {
        Object get() throws Exception;
    }

    /** Runs a handler's work off the event loop and answers with its JSON (or its {@link BadRequest}). */
    static void respond(Vertx vertx, RoutingContext ctx, Work work) {
        vertx.executeBlocking(work::get, false).onComplete(ar -> {
            if (ar.succeeded()) send(ctx, 200, ar.result());
            else ctx.fail(ar.cause());
        });
    }

    static void send(RoutingContext ctx, int status, Object body) {
        String text;
        try {
            text = MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            ctx.fail(e);
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(text);
    }

    /** A 4xx or 5xx with a machine-readable error and a reason a person can act on. */
    static void error(RoutingContext ctx, int status, String error, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", error);
        m.put("reason", reason);
        send(ctx, status, m);
    }

    /** "5m", "1h", "1d": how windows are named in the API and in metrics. */
    public static String window(Duration d) {
        long s = d.toSeconds();
        if (s % 86_400 == 0) return s / 86_400 + "d";
        if (s % 3_600 == 0) return s / 3_600 + "h";
        if (s % 60 == 0) return s / 60 + "m";
        return s + "s";
    }
}
