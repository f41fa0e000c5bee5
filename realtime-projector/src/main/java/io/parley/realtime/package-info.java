/** The Socket.IO gateway and the non-replayable projector that pushes committed events to rooms. */
package io.parley.realtime;
