package org.tillwatch.collector.cluster;

import java.time.Instant;
import java.util.List;

import org.tillwatch.live.ChainStatus;
import org.tillwatch.live.LiveView;
import org.tillwatch.live.StoreStatus;

/**
 * The cluster's live view, which exists only once the HTTP server listens (the other instances are told this
 * instance's port): until then the API answers 503 for live figures.
 */
final class DeferredLiveView implements LiveView {
    private volatile LiveView view;

    void set(LiveView view) {
        this.view = view;
    }

    private LiveView view() {
        LiveView v = view;
        if (v == null) throw new IllegalStateException("the cluster's live state is starting");
        return v;
    }

    @Override
    public StoreStatus store(String code) {
        return view().store(code);
    }

    @Override
    public List<StoreStatus> stores() {
        return view().stores();
    }

    @Override
    public ChainStatus chain() {
        return view().chain();
    }

    @Override
    public Instant watermark() {
        LiveView v = view;
        return v == null ? null : v.watermark();
    }
}
