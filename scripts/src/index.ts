/** The AudioViz engine. Filled in by the engine work (issue: the in-game engine). */
export {};
