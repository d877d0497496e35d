package dev.newsflow.events;

public enum FigureKind { MONEY, PERCENT, PERCENTAGE_POINT, COUNT, MEASURE, RATIO }
