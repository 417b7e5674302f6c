package dev.audioviz.core.world;

/** Where a zone's entities are anchored: world name and block coordinates of the zone origin. */
public record ZoneAnchor(String name, String world, double x, double y, double z) {}
