// Target of the proxy's rewrite for a role outside its area (answered with status 403).
import Forbidden from "@/app/forbidden";

export default Forbidden;
