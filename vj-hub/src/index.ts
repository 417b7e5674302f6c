/** The AudioViz VJ hub. */
export {};
