package org.festivalledger.programme;

/** A venue of the programme as organisers and the public see it. */
public record VenueView(String id, String name, int capacity, int changeoverMinutes) {
}
