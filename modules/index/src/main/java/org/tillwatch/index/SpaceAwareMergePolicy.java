package org.tillwatch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.MergeTrigger;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;

/**
 * Starts a merge only while the index's disk keeps {@code reserve} bytes free beyond twice what the merge reads (its
 * new segment, and room to spare): a merge that runs the disk out of space closes the index writer for good, where a
 * merge put off costs nothing but a few more segments until space is back.
 */
final class SpaceAwareMergePolicy extends FilterMergePolicy {
    private final Path dir;
    private final long reserve;

    SpaceAwareMergePolicy(MergePolicy in, Path dir, long reserve) {
        super(in);
        this.dir = dir;
        this.reserve = reserve;
    }

    @Override
    public MergeSpecification findMerges(MergeTrigger trigger, SegmentInfos infos, MergeContext context) throws IOException {
        return fitting(super.findMerges(trigger, infos, context));
    }

    @Override
    public MergeSpecification findFullFlushMerges(MergeTrigger trigger, SegmentInfos infos, MergeContext context) throws IOException {
        return fitting(super.findFullFlushMerges(trigger, infos, context));
    }

    private MergeSpecification fitting(MergeSpecification spec) throws IOException {
        if (spec == null) return null;
        long free = Files.getFileStore(dir).getUsableSpace();
        MergeSpecification out = new MergeSpecification();
        for (OneMerge m : spec.merges) {
            long reads = 0;
            for (SegmentCommitInfo s : m.segments) reads += s.sizeInBytes();
            if (free - 2 * reads >= reserve) {
                out.add(m);
                free -= reads;
            }
        }
        return out.merges.isEmpty() ? null : out;
    }
}
