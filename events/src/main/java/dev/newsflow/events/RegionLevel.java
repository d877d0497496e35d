package dev.newsflow.events;

public enum RegionLevel { PROVINCE, CITY, COUNTY, TOWN }
