// A copy button for a read-only field (a juror's sign-in link shown once). Without the script the field is still
// there to select and copy by hand; the button shows only when the browser can copy.
(function () {
    "use strict";
    document.querySelectorAll("button.copy[data-copies]").forEach(function (button) {
        var field = document.getElementById(button.getAttribute("data-copies"));
        var status = button.parentNode.querySelector(".copy-status");
        if (!field || !navigator.clipboard) {
            return;
        }
        button.hidden = false;
        button.addEventListener("click", function () {
            field.select();
            navigator.clipboard.writeText(field.value).then(function () {
                if (status) {
                    status.textContent = button.getAttribute("data-words-copied");
                }
            });
        });
    });
})();
