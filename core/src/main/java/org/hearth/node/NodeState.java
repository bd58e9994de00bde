package org.hearth.node;

/** Life cycle of the node as the supervisor sees it. */
public enum NodeState {
    STOPPED,
    STARTING,
    RUNNING,
    /** Exited without being asked; a restart is scheduled. */
    RESTARTING,
    /** Exited without being asked and the restart budget is spent. */
    CRASHED,
    STOPPING,
    /** An external JSON-RPC node the app attached to instead of running anvil. */
    ATTACHED
}
