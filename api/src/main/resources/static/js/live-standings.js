// Keeps the organiser's standings table current from the page's event stream. The table is complete
// without this script; it only saves a reload. Text is set with textContent, never as HTML.
(function () {
    "use strict";
    var section = document.getElementById("standings");
    if (!section || !window.EventSource) {
        return;
    }
    var rows = document.getElementById("rows");
    var live = document.getElementById("live");
    var source = new EventSource(section.getAttribute("data-stream"));
    // The page's own words, in its language (data-words-…: the table's cells, the coverage, the live note): the
    // script has none.
    function words(name) {
        return section.getAttribute("data-words-" + name) || "";
    }

    function cell(text, className) {
        var td = document.createElement("td");
        td.textContent = text === null || text === undefined ? "" : String(text);
        if (className) {
            td.className = className;
        }
        return td;
    }

    source.addEventListener("standings", function (event) {
        var standings = JSON.parse(event.data);
        var body = document.createDocumentFragment();
        standings.rows.forEach(function (row) {
            var tr = document.createElement("tr");
            tr.setAttribute("data-entry", row.submissionId);
            tr.appendChild(cell(row.rank, "num"));
            var film = cell(row.title);
            var id = document.createElement("span");
            id.className = "team";
            id.textContent = " " + row.submissionId;
            film.appendChild(id);
            tr.appendChild(film);
            tr.appendChild(cell(row.score, "num score"));
            tr.appendChild(cell(row.scoresCount, "num count"));
            tr.appendChild(cell(row.complete ? words("complete") : words("incomplete"), row.complete ? "done" : "todo"));
            body.appendChild(tr);
        });
        rows.replaceChildren(body);
        document.getElementById("coverage").textContent = words("coverage")
            .replace("{0}", standings.completeEntries).replace("{1}", standings.entries);
        document.getElementById("position").textContent = standings.ledgerPosition;
        live.textContent = words("live").replace("{0}",
            new Date().toLocaleTimeString(document.documentElement.lang || undefined));
    });
    source.onerror = function () {
        live.textContent = words("paused");
    };
})();
