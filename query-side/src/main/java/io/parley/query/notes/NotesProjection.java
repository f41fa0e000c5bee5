package io.parley.query.notes;

import io.parley.query.config.QuerySideConfig;
import io.parley.query.projection.ProjectionBatches;
import io.parley.query.projection.ReadModelReset;
import io.parley.shared.event.NoteAddedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Keeps staff's private notes by chat. It runs in the read models' processor, so a batch's notes commit with
 * the other read models' rows: once the history reflects a chat's version, so do its notes.
 */
@Component
@ProcessingGroup(QuerySideConfig.READ_MODELS)
class NotesProjection {
    static final String NAME = "notes";

    private final ProjectionBatches batches;

    NotesProjection(ProjectionBatches batches) {
        this.batches = batches;
    }

    @EventHandler
    void on(NoteAddedEvent event, @SequenceNumber long sequenceNumber) {
        batches.pending(NAME, NoteWrites::new).add(event, sequenceNumber);
    }

    /** Empties this read model when it is the one being rebuilt. */
    @ResetHandler
    void onReset(ReadModelReset reset) {
        if (!reset.rebuilds(NAME)) return;
        batches.jdbc().getJdbcTemplate().update("DELETE FROM chat_note");
    }
}
