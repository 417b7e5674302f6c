package dev.audioviz.core;

import dev.audioviz.core.engine.EngineStatusView;

/**
 * A snapshot of the host's counters.
 *
 * @param running between start and stop
 * @param runtime GraalJS runtime in use ("Interpreted" without the optimizing compiler)
 * @param engineVersion the running bundle's ENGINE_VERSION
 * @param socketPort bound :8765 port, -1 before start
 * @param clients :8765 clients connected now
 * @param queueLength messages waiting for the script thread
 * @param queueCapacity the inbound queue's bound
 * @param messagesAccepted messages received since start
 * @param messagesDropped messages dropped because the queue was full (oldest first)
 * @param framesApplied diffs applied on the server thread
 * @param lastReloadError why the last hot reload failed, or null
 * @param engine the engine's own status, refreshed every second
 * @param interruptedCalls engine calls the watchdog interrupted for running over their budget
 */
public record CoreStatus(
        boolean running,
        String runtime,
        String engineVersion,
        int socketPort,
        int clients,
        int queueLength,
        int queueCapacity,
        long messagesAccepted,
        long messagesDropped,
        long framesApplied,
        String lastReloadError,
        EngineStatusView engine,
        long interruptedCalls) {}
