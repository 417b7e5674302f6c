/** The AudioViz audio agent. */
export {};
