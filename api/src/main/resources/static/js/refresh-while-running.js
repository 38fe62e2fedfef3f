// Long work in the auditor's workspace (a verification of a long log): while a page reports progress, reload it
// every few seconds so the figures move on their own. Without JavaScript, the page's "Check again" link does this.
(function () {
    const running = document.querySelector('[data-refresh-while-running]');
    if (running) {
        const every = parseInt(running.getAttribute('data-refresh-while-running'), 10) || 2000;
        window.setTimeout(function () { window.location.reload(); }, every);
    }
})();
