export const id = 67;
export const ids = [67];
export const modules = {

/***/ 9067:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   githubIdToken: () => (/* binding */ githubIdToken)
/* harmony export */ });
/**
 * GitHub's OIDC token for the helper, asked through the runner library (`getIDToken`), as the
 * step asked it, at the request URL the step used. The library announces the token to the runner with an `::add-mask::` line on
 * stdout; stdout is the helper protocol's answer to docker, and the helper never prints the
 * token anywhere, so that line is dropped while the library runs.
 */
async function githubIdToken(audience, requestUrl) {
    // The library reads the request URL from the environment: the one the step used.
    if (requestUrl)
        process.env.ACTIONS_ID_TOKEN_REQUEST_URL = requestUrl;
    const core = await Promise.all(/* import() */[__webpack_require__.e(942), __webpack_require__.e(143)]).then(__webpack_require__.bind(__webpack_require__, 143));
    const write = process.stdout.write;
    process.stdout.write = ((_chunk, encoding, callback) => {
        const done = typeof encoding === 'function' ? encoding : callback;
        if (typeof done === 'function')
            done();
        return true;
    });
    try {
        return await core.getIDToken(audience);
    }
    finally {
        process.stdout.write = write;
    }
}


/***/ })

};
