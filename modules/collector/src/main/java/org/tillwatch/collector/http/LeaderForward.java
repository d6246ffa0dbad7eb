package org.tillwatch.collector.http;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;

/**
 * Distributed mode: an instance that does not lead alerting passes the alerting API (incidents, acknowledge, silences)
 * to the instance that does, as Kafka Streams' metadata names it. The caller's {@code Authorization} header goes along
 * (the leader checks it as well); the leader's status, body and {@code Content-Type}/{@code Retry-After} come back as
 * they are. Each request is sent once and never retried here, so a write takes effect at most once per call. While no
 * leader is known (a take-over) the answer is 503 with {@code Retry-After}; a request already forwarded once is not
 * forwarded again (metadata that is seconds stale cannot make two instances pass it back and forth).
 */
final class LeaderForward {
    private static final Logger LOG = Logger.getLogger(LeaderForward.class.getName());
    /** Set on a forwarded request, to this instance's URL: the receiver answers it itself or says no leader. */
    static final String FORWARDED = "X-Tillwatch-Forwarded-By";
    /** On a forwarded answer: the leader that answered. */
    static final String LEADER = "X-Tillwatch-Alert-Leader";
    static final int RETRY_AFTER_SECONDS = 2;
    private static final List<String> PASSED_BACK = List.of("Content-Type", "Retry-After", "WWW-Authenticate", "Location");

    private final Supplier<URI> leader;
    private final Supplier<URI> self;
    private final HttpClientAgent client;

    /**
     * @param leader the alert leader's base URL now, or null when none is known
     * @param self   this instance's advertised base URL
     */
    LeaderForward(Vertx vertx, Supplier<URI> leader, Supplier<URI> self) {
        this.leader = leader;
        this.self = self;
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2_000).setKeepAlive(true));
    }

    /** Answers the request from the leader, or 503 while there is none to ask; never blocks. */
    void handle(RoutingContext ctx) {
        URI me = self.get();
        URI to = leader.get();
        if (ctx.request().getHeader(FORWARDED) != null) {
            noLeader(ctx, "no_leader", "этот экземпляр больше не ведёт оповещения, идёт смена ведущего; повторите запрос"
                    + " / this instance no longer leads alerting, leadership is moving; ask again");
            return;
        }
        if (to == null || to.equals(me)) {
            noLeader(ctx, "no_leader", "ведущий экземпляр оповещений ещё не выбран (запуск или смена ведущего); повторите запрос"
                    + " / no instance leads alerting yet (starting or taking over); ask again");
            return;
        }
        HttpMethod method = ctx.request().method();
        RequestOptions options = new RequestOptions().setMethod(method)
                .setAbsoluteURI(to.getScheme() + "://" + to.getHost() + ":" + port(to) + ctx.request().uri())
                .setIdleTimeout(10_000);
        options.putHeader(FORWARDED, me == null ? "unknown" : me.toString());
        String auth = ctx.request().getHeader("Authorization");
        if (auth != null) options.putHeader("Authorization", auth);
        String type = ctx.request().getHeader("Content-Type");
        if (type != null) options.putHeader("Content-Type", type);
        Buffer body = ctx.body() == null || ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer();
        client.request(options).onComplete(req -> {
            if (req.failed()) {
                // nothing was sent: asking again is safe whatever the method
                noLeader(ctx, "leader_unreachable", "ведущий экземпляр оповещений " + to + " не отвечает (вероятно, идёт смена ведущего); повторите запрос"
                        + " / the alert leader " + to + " does not answer (probably taking over); ask again: " + req.cause().getMessage());
                return;
            }
            req.result().send(body).compose(res -> res.body().map(b -> {
                if (ctx.response().ended()) return null;
                ctx.response().setStatusCode(res.statusCode()).putHeader(LEADER, to.toString());
                for (String h : PASSED_BACK) {
                    String v = res.getHeader(h);
                    if (v != null) ctx.response().putHeader(h, v);
                }
                ctx.response().end(b);
                return null;
            })).onFailure(e -> {
                LOG.log(Level.WARNING, "forwarding " + method + " " + ctx.request().path() + " to the alert leader " + to + " failed: " + e);
                if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
                    noLeader(ctx, "leader_unreachable", "ведущий экземпляр оповещений " + to + " не ответил; повторите запрос"
                            + " / the alert leader " + to + " did not answer; ask again: " + e.getMessage());
                } else {
                    Json.error(ctx, 504, "leader_no_answer", "ведущий экземпляр оповещений " + to + " не ответил: изменение могло"
                            + " примениться или нет, проверьте перед повтором / the alert leader " + to + " did not answer: the change may"
                            + " or may not have been applied, check before asking again: " + e.getMessage());
                }
            });
        });
    }

    private static void noLeader(RoutingContext ctx, String error, String reason) {
        if (ctx.response().ended()) return;
        ctx.response().putHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        Json.error(ctx, 503, error, reason);
    }

    private static int port(URI u) {
        return u.getPort() > 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
    }
}
