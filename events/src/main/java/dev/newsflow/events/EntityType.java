package dev.newsflow.events;

public enum EntityType { PERSON, LOCATION, ORGANIZATION }
