/**
 * The Socket.IO side of Parley, one package per feature:
 * <ul>
 *   <li>{@code server}: the netty-socketio server, its JSON and its error log;</li>
 *   <li>{@code auth}: a socket proves its token before anything else (the CONNECT packet's auth);</li>
 *   <li>{@code sessions}: the authenticated sockets of this node and their rooms, expiry and forced logout;</li>
 *   <li>{@code presence}: online, last seen and typing, on this node and across nodes;</li>
 *   <li>{@code broadcast}: rooms, the per-chat lanes that keep a chat's pushes in commit order, the wire names;</li>
 *   <li>{@code cluster}: the one Redis connection, the relays between nodes and their liveness;</li>
 *   <li>{@code dispatch}: client → server events handed to their handlers, and the one reply each gets;</li>
 *   <li>{@code inbound}: the handlers of the contract's client events ({@code sendMessage}, {@code joinChat} …);</li>
 *   <li>{@code push}: acks and pushes straight from the commit (the non-replayable realtime projector).</li>
 * </ul>
 */
package io.parley.realtime;
